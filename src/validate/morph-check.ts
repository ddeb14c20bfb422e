// The type-checker: TypeScript 5's compiler API through ts-morph, in this thread.
import { join, relative } from "node:path";
import { Project, ts } from "ts-morph";
import type { GeneratedFile } from "../render/render.js";
import type { CheckConfig } from "./check-config.js";
import type { EmittedDiagnostic } from "./typecheck-error.js";

/** One Project per root for the process: a second check reuses the parsed lib and library declarations. */
const projects = new Map<string, Project>();

function getProject(config: CheckConfig): Project {
  let project = projects.get(config.root);
  if (!project) {
    const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, config.root);
    if (errors.length > 0) throw new Error(`internal: templates/package/tsconfig.json.hbs: ${errors[0]?.messageText}`);
    project = new Project({ compilerOptions: options, skipAddingFilesFromTsConfig: true });
    projects.set(config.root, project);
  }
  return project;
}

/** The compiler errors in the emitted .ts files, which sit in memory under `config.root`. */
export function morphDiagnostics(files: readonly GeneratedFile[], config: CheckConfig): EmittedDiagnostic[] {
  const project = getProject(config);
  const sources = files.map((f) => project.createSourceFile(join(config.root, f.path), f.contents, { overwrite: true }));
  try {
    return project
      .getPreEmitDiagnostics()
      .filter((d) => d.getCategory() === ts.DiagnosticCategory.Error)
      .map((d) => {
        const sf = d.getSourceFile();
        const pos = sf ? sf.compilerNode.getLineAndCharacterOfPosition(d.getStart() ?? 0) : { line: 0, character: 0 };
        const text = d.getMessageText();
        return {
          file: sf ? relative(config.root, sf.getFilePath()) : "(unknown)",
          line: pos.line + 1,
          column: pos.character + 1,
          code: d.getCode(),
          message: typeof text === "string" ? text : ts.flattenDiagnosticMessageText(text.compilerObject, "\n"),
        };
      });
  } finally {
    for (const sf of sources) project.removeSourceFile(sf);
  }
}
