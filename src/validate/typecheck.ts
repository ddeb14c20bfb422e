import type { GeneratedFile } from "../render/render.js";
import { checkConfig } from "./check-config.js";
import { TypecheckError, type EmittedDiagnostic } from "./typecheck-error.js";

/**
 * The compiler errors in the emitted .ts files, located in those files, in file order then line order: how
 * a reader fixes them. With `repo` (wrapper mode) the files sit, in memory only, at their real paths in
 * that repo, so its own node_modules resolve.
 */
export async function emittedDiagnostics(files: readonly GeneratedFile[], repo?: string): Promise<EmittedDiagnostic[]> {
  // Loaded only here: ts-morph and its TypeScript are the heaviest load of a run.
  const { morphDiagnostics } = await import("./morph-check.js");
  const order = new Map(files.map((f, i) => [f.path, i]));
  const rank = (d: EmittedDiagnostic) => order.get(d.file) ?? files.length;
  return morphDiagnostics(files.filter((f) => f.path.endsWith(".ts")), checkConfig(repo)).sort(
    (a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column || a.code - b.code,
  );
}

/**
 * Formats `rendered` with `format` and type-checks the result. Returns the formatted files; throws
 * TypecheckError as typecheckFiles does.
 */
export async function typecheckWhileFormatting(
  rendered: readonly GeneratedFile[],
  format: (files: readonly GeneratedFile[]) => Promise<GeneratedFile[]>,
  repo?: string,
): Promise<GeneratedFile[]> {
  const files = await format(rendered);
  await typecheckFiles(files, repo);
  return files;
}

/**
 * Loads the checker ahead of the first check (prewarm.ts). Nothing is reported.
 */
export async function warmChecker(_files: readonly GeneratedFile[], _repo?: string): Promise<void> {
  await import("./morph-check.js");
}

/**
 * Type-checks every emitted .ts file against the real @langchain/core and throws a TypecheckError naming
 * file and line of the emitted code.
 */
export async function typecheckFiles(files: readonly GeneratedFile[], repo?: string): Promise<void> {
  const diagnostics = await emittedDiagnostics(files, repo);
  if (diagnostics.length > 0) throw new TypecheckError(diagnostics);
}
