import type { GeneratedFile } from "../render/render.js";
import { checkConfig } from "./check-config.js";
import { NativeCheckerUnavailable } from "./native-check.js";
import { TypecheckError, type EmittedDiagnostic } from "./typecheck-error.js";

/** Which compiler checks: TypeScript 7's native one, or TypeScript 5 through ts-morph. */
export type CheckerName = "native" | "ts-morph";

let nativeMissing = false;

/** CREATE_CUSTOM_LLM_CHECKER picks one (tests compare both); by default native, ts-morph where it is missing. */
export function chosenChecker(): CheckerName {
  const asked = process.env.CREATE_CUSTOM_LLM_CHECKER;
  if (asked === "native" || asked === "ts-morph") return asked;
  if (asked) throw new Error(`CREATE_CUSTOM_LLM_CHECKER must be "native" or "ts-morph", not ${JSON.stringify(asked)}`);
  return nativeMissing ? "ts-morph" : "native";
}

/**
 * The compiler errors in the emitted .ts files, located in those files. With `repo` (wrapper mode) the
 * files sit, in memory only, at their real paths in that repo, so its own node_modules resolve.
 */
export async function emittedDiagnostics(files: readonly GeneratedFile[], repo?: string, checker = chosenChecker()): Promise<EmittedDiagnostic[]> {
  // In file order, then line order: how a reader fixes them (the two compilers list them differently).
  const order = new Map(files.map((f, i) => [f.path, i]));
  const rank = (d: EmittedDiagnostic) => order.get(d.file) ?? files.length;
  return (await diagnosticsBy(checker, files, repo)).sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column || a.code - b.code);
}

async function diagnosticsBy(checker: CheckerName, files: readonly GeneratedFile[], repo?: string): Promise<EmittedDiagnostic[]> {
  const config = checkConfig(repo);
  const ts = files.filter((f) => f.path.endsWith(".ts"));
  if (checker === "native") {
    try {
      const { nativeDiagnostics } = await import("./native-check.js");
      return await nativeDiagnostics(ts, config);
    } catch (error) {
      // Only a missing binary falls back; asked for by name, native must work.
      if (!(error instanceof NativeCheckerUnavailable) || process.env.CREATE_CUSTOM_LLM_CHECKER === "native") throw error;
      nativeMissing = true;
    }
  }
  // Loaded only here: ts-morph and TypeScript 5 take ~0.6 s to load.
  const { morphDiagnostics } = await import("./morph-check.js");
  return morphDiagnostics(ts, config);
}

/**
 * Type-checks every emitted .ts file against the real @langchain/core and throws a TypecheckError naming
 * file and line of the emitted code.
 */
export async function typecheckFiles(files: readonly GeneratedFile[], repo?: string): Promise<void> {
  const diagnostics = await emittedDiagnostics(files, repo);
  if (diagnostics.length > 0) throw new TypecheckError(diagnostics);
}
