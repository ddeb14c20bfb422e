// The type-checker: TypeScript's compiler API through ts-morph, in this thread, reading what the emitted
// code imports through check-fs.ts.
import { join, relative } from "node:path";
import { Project, ts } from "ts-morph";
import type { GeneratedFile } from "../render/render.js";
import type { CheckConfig } from "./check-config.js";
import { CheckFs, type ProbeListener } from "./check-fs.js";
import type { EmittedDiagnostic } from "./typecheck-error.js";

/** One Project per root and modules folder: a second check reuses the parsed lib and library declarations. */
const projects = new Map<string, { project: Project; fs: CheckFs }>();

function getProject(config: CheckConfig): { project: Project; fs: CheckFs } {
  const key = `${config.root}\0${config.modules}`;
  let found = projects.get(key);
  if (!found) {
    const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, config.root);
    if (errors.length > 0) throw new Error(`internal: templates/package/tsconfig.json.hbs: ${errors[0]?.messageText}`);
    const fs = new CheckFs(config);
    found = { project: new Project({ compilerOptions: options, skipAddingFilesFromTsConfig: true, fileSystem: fs }), fs };
    projects.set(key, found);
  }
  return found;
}

/**
 * The compiler errors in the emitted .ts files, which sit in memory under `config.root`. A new package's
 * package.json is read from `files` too: it makes the files ES modules. `listener` is told of every file
 * looked for in the modules folder (scripts/build-types.ts).
 */
export function morphDiagnostics(files: readonly GeneratedFile[], config: CheckConfig, listener?: ProbeListener): EmittedDiagnostic[] {
  const { project, fs } = getProject(config);
  const manifests = files.filter((f) => f.path === "package.json");
  fs.prepare(new Map(manifests.map((f) => [join(config.root, f.path), f.contents])), listener);
  const sources = files
    .filter((f) => f.path.endsWith(".ts"))
    .map((f) => project.createSourceFile(join(config.root, f.path), f.contents, { overwrite: true }));
  try {
    const program = project.getProgram().compilerObject;
    return tscOrder(program)
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => {
        const pos = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0) : { line: 0, character: 0 };
        return {
          file: d.file ? relative(config.root, d.file.fileName) : "(unknown)",
          line: pos.line + 1,
          column: pos.character + 1,
          code: d.code,
          message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
        };
      });
  } finally {
    for (const sf of sources) project.removeSourceFile(sf);
    fs.prepare(new Map());
  }
}

/**
 * The diagnostics `tsc` reports, as it does: options, then syntax; only with neither, the global and then
 * the semantic ones (errors that follow from a syntax error would only be noise).
 */
function tscOrder(program: ts.Program): readonly ts.Diagnostic[] {
  const found = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics()];
  if (found.length === 0) found.push(...program.getGlobalDiagnostics());
  if (found.length === 0) found.push(...program.getSemanticDiagnostics());
  return found;
}
