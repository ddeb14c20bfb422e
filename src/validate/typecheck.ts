import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { Project, ts } from "ts-morph";
import { packageRoot } from "../paths.js";
import type { GeneratedFile } from "../render/render.js";

/** One compiler error in emitted code, located in the emitted file. */
export interface EmittedDiagnostic {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
}

/** The emitted code does not type-check: always a bug of the generator (or of a user's template override). */
export class TypecheckError extends Error {
  readonly diagnostics: readonly EmittedDiagnostic[];

  constructor(diagnostics: readonly EmittedDiagnostic[]) {
    const lines = diagnostics.map((d) => `  ${d.file}:${d.line}:${d.column} TS${d.code}: ${d.message}`);
    super(`The generated code does not type-check; nothing was written.\n${lines.join("\n")}`);
    this.name = "TypecheckError";
    this.diagnostics = diagnostics;
  }
}

let project: Project | undefined;

/**
 * The emitted package's own tsconfig compiler options, so we check with exactly what its users build with;
 * `types` resolve from our @types/node wherever npm placed it.
 */
function compilerOptions(): ts.CompilerOptions {
  const text = readFileSync(join(packageRoot(), "templates/package/tsconfig.json.hbs"), "utf8");
  const json = JSON.parse(text) as { compilerOptions: object };
  const { options, errors } = ts.convertCompilerOptionsFromJson(json.compilerOptions, packageRoot());
  if (errors.length > 0) throw new Error(`internal: templates/package/tsconfig.json.hbs: ${errors[0]?.messageText}`);
  const typesNode = dirname(createRequire(import.meta.url).resolve("@types/node/package.json"));
  return { ...options, noEmit: true, typeRoots: [dirname(typesNode)] };
}

function getProject(): Project {
  // One Project for the process: the second check reuses the parsed lib and @langchain/core declarations.
  project ??= new Project({ compilerOptions: compilerOptions(), skipAddingFilesFromTsConfig: true });
  return project;
}

/**
 * Type-checks every emitted .ts file against the real @langchain/core and throws a TypecheckError naming
 * file and line of the emitted code. The files stay in memory, under this package's folder so that
 * `@langchain/core` and `vitest` resolve from our node_modules: the versions the emitted package pins.
 */
export function typecheckFiles(files: readonly GeneratedFile[]): void {
  const project = getProject();
  const root = join(packageRoot(), ".typecheck");
  const sources = files
    .filter((f) => f.path.endsWith(".ts"))
    .map((f) => project.createSourceFile(join(root, f.path), f.contents, { overwrite: true }));
  try {
    const diagnostics = project.getPreEmitDiagnostics();
    const errors = diagnostics.filter((d) => d.getCategory() === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
      throw new TypecheckError(
        errors.map((d) => {
          const sf = d.getSourceFile();
          const start = d.getStart() ?? 0;
          const pos = sf ? sf.compilerNode.getLineAndCharacterOfPosition(start) : { line: 0, character: 0 };
          const text = d.getMessageText();
          return {
            file: sf ? relative(root, sf.getFilePath()) : "(unknown)",
            line: pos.line + 1,
            column: pos.character + 1,
            code: d.getCode(),
            message: typeof text === "string" ? text : ts.flattenDiagnosticMessageText(text.compilerObject, "\n"),
          };
        }),
      );
    }
  } finally {
    for (const sf of sources) project.removeSourceFile(sf);
  }
}
