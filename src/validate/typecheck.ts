import type { GeneratedFile } from "../render/render.js";
import { checkConfig } from "./check-config.js";
// Static: it loads the TypeScript 7 API itself only when a check runs.
import { nativeDiagnostics, NativeCheckerUnavailable } from "./native-check.js";
import { TypecheckError, type EmittedDiagnostic } from "./typecheck-error.js";

/** Which compiler checks: TypeScript 7's native one, or TypeScript 5 through ts-morph. */
export type CheckerName = "native" | "ts-morph";

let nativeMissing = false;

/** CREATE_CUSTOM_LLM_CHECKER, when set: tests and users pick a checker by name. */
function checkerFromEnv(): CheckerName | undefined {
  const asked = process.env.CREATE_CUSTOM_LLM_CHECKER;
  if (asked === undefined || asked === "native" || asked === "ts-morph") return asked;
  throw new Error(`CREATE_CUSTOM_LLM_CHECKER must be "native" or "ts-morph", not ${JSON.stringify(asked)}`);
}

/**
 * The compiler errors in the emitted .ts files, located in those files. With `repo` (wrapper mode) the
 * files sit, in memory only, at their real paths in that repo, so its own node_modules resolve. A checker
 * asked for by name (here or in CREATE_CUSTOM_LLM_CHECKER) must work; by default native is used, and
 * ts-morph where the native binary is missing.
 */
export async function emittedDiagnostics(files: readonly GeneratedFile[], repo?: string, checker?: CheckerName): Promise<EmittedDiagnostic[]> {
  // In file order, then line order: how a reader fixes them (the two compilers list them differently).
  const order = new Map(files.map((f, i) => [f.path, i]));
  const rank = (d: EmittedDiagnostic) => order.get(d.file) ?? files.length;
  return (await diagnosticsBy(checker ?? checkerFromEnv(), files, repo)).sort(
    (a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column || a.code - b.code,
  );
}

async function diagnosticsBy(asked: CheckerName | undefined, files: readonly GeneratedFile[], repo?: string): Promise<EmittedDiagnostic[]> {
  const config = checkConfig(repo);
  const ts = files.filter((f) => f.path.endsWith(".ts"));
  if (asked === "native" || (asked === undefined && !nativeMissing)) {
    try {
      return await nativeDiagnostics(ts, config);
    } catch (error) {
      // Only a missing binary falls back, and only when no checker was asked for by name.
      if (!(error instanceof NativeCheckerUnavailable) || asked === "native") throw error;
      nativeMissing = true;
    }
  }
  // Loaded only here: ts-morph and TypeScript 5 take ~0.6 s to load.
  const { morphDiagnostics } = await import("./morph-check.js");
  return morphDiagnostics(ts, config);
}

/**
 * Formats `rendered` with `format` and type-checks the result, the two at once where that is safe: the
 * native compiler checks the unformatted text in its own process while prettier runs in its worker thread.
 * Only a pass is trusted; any error, and the formatted files are checked again, so that what is reported
 * names the lines as written. Returns the formatted files; throws TypecheckError as typecheckFiles does.
 */
export async function typecheckWhileFormatting(
  rendered: readonly GeneratedFile[],
  format: (files: readonly GeneratedFile[]) => Promise<GeneratedFile[]>,
  repo?: string,
): Promise<GeneratedFile[]> {
  const asked = checkerFromEnv();
  // Prettier may move a @ts- directive off the code it is about: with one, check only the formatted files.
  const directive = rendered.some((f) => f.path.endsWith(".ts") && f.contents.includes("@ts-"));
  // The ts-morph fallback stays sequential: simpler, and it is used only where the native binary is missing.
  const native = asked === "native" || (asked === undefined && !nativeMissing);
  if (directive || !native) {
    const files = await format(rendered);
    await typecheckFiles(files, repo);
    return files;
  }
  const passed = emittedDiagnostics(rendered, repo).then(
    (diagnostics) => diagnostics.length === 0,
    () => false, // a failed check is repeated below, and then reported
  );
  let files: GeneratedFile[];
  try {
    files = await format(rendered);
  } catch (error) {
    await passed; // nothing of this call runs on once it has failed
    throw error;
  }
  if (!(await passed)) await typecheckFiles(files, repo);
  return files;
}

/**
 * Starts the compiler the next check will use and has it parse what `files` import, in the background:
 * nothing is reported, and the process does not wait for it to exit (prewarm.ts). Only the native
 * checker keeps anything from one check to the next.
 */
export async function warmChecker(files: readonly GeneratedFile[], repo?: string): Promise<void> {
  const asked = checkerFromEnv();
  if (asked === "ts-morph" || (asked === undefined && nativeMissing)) return;
  await nativeDiagnostics(files.filter((f) => f.path.endsWith(".ts")), checkConfig(repo), true);
}

/**
 * Type-checks every emitted .ts file against the real @langchain/core and throws a TypecheckError naming
 * file and line of the emitted code.
 */
export async function typecheckFiles(files: readonly GeneratedFile[], repo?: string): Promise<void> {
  const diagnostics = await emittedDiagnostics(files, repo);
  if (diagnostics.length > 0) throw new TypecheckError(diagnostics);
}
