import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { Project, ts } from "ts-morph";
import { packageRoot } from "../paths.js";
import type { GeneratedFile } from "../render/render.js";
import { TypecheckError, type EmittedDiagnostic } from "./typecheck-error.js";

let project: Project | undefined;

/**
 * The emitted package's own tsconfig compiler options, so we check with exactly what its users build with;
 * `types` resolve from our @types/node wherever npm placed it.
 */
function compilerOptions(repo?: string): ts.CompilerOptions {
  const text = readFileSync(join(packageRoot(), "templates/package/tsconfig.json.hbs"), "utf8");
  const json = JSON.parse(text) as { compilerOptions: object };
  const { options, errors } = ts.convertCompilerOptionsFromJson(json.compilerOptions, packageRoot());
  if (errors.length > 0) throw new Error(`internal: templates/package/tsconfig.json.hbs: ${errors[0]?.messageText}`);
  // A target repo's own @types/node when it has one; ours otherwise.
  const repoTypes = repo === undefined ? undefined : join(repo, "node_modules/@types");
  if (repoTypes && existsSync(join(repoTypes, "node"))) return { ...options, noEmit: true, typeRoots: [repoTypes] };
  const typesNode = dirname(createRequire(import.meta.url).resolve("@types/node/package.json"));
  return { ...options, noEmit: true, typeRoots: [dirname(typesNode)] };
}

const repoProjects = new Map<string, Project>();

function getProject(repo?: string): Project {
  if (repo !== undefined) {
    let p = repoProjects.get(repo);
    if (!p) repoProjects.set(repo, (p = new Project({ compilerOptions: compilerOptions(repo), skipAddingFilesFromTsConfig: true })));
    return p;
  }
  // One Project for the process: the second check reuses the parsed lib and @langchain/core declarations.
  project ??= new Project({ compilerOptions: compilerOptions(), skipAddingFilesFromTsConfig: true });
  return project;
}

/** Where the emitted files sit while checked: under this package, so our node_modules resolve. */
function virtualRoot(): string {
  return join(packageRoot(), ".typecheck");
}

/**
 * The compiler errors in the emitted .ts files, located in those files. With `repo` (wrapper mode) the
 * files sit, in memory only, at their real paths in that repo, so its own node_modules resolve.
 */
export function emittedDiagnostics(files: readonly GeneratedFile[], repo?: string): EmittedDiagnostic[] {
  const project = getProject(repo);
  const root = repo ?? virtualRoot();
  const sources = files
    .filter((f) => f.path.endsWith(".ts"))
    .map((f) => project.createSourceFile(join(root, f.path), f.contents, { overwrite: true }));
  try {
    return project
      .getPreEmitDiagnostics()
      .filter((d) => d.getCategory() === ts.DiagnosticCategory.Error)
      .map((d) => {
        const sf = d.getSourceFile();
        const pos = sf ? sf.compilerNode.getLineAndCharacterOfPosition(d.getStart() ?? 0) : { line: 0, character: 0 };
        const text = d.getMessageText();
        return {
          file: sf ? relative(root, sf.getFilePath()) : "(unknown)",
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

/**
 * Type-checks every emitted .ts file against the real @langchain/core and throws a TypecheckError naming
 * file and line of the emitted code. The files stay in memory, under this package's folder so that
 * `@langchain/core` and `vitest` resolve from our node_modules: the versions the emitted package pins.
 */
export function typecheckFiles(files: readonly GeneratedFile[], repo?: string): void {
  const diagnostics = emittedDiagnostics(files, repo);
  if (diagnostics.length > 0) throw new TypecheckError(diagnostics);
}
