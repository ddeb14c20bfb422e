import { createHash } from "node:crypto";
import type { GeneratedFile } from "../render/render.js";
import { checkConfig } from "./check-config.js";
import { diagnose } from "./check-thread.js";
import { TypecheckError, type EmittedDiagnostic } from "./typecheck-error.js";

/**
 * The compiler errors in the emitted .ts files, located in those files, in file order then line order: how
 * a reader fixes them. With `repo` (wrapper mode) the files sit, in memory only, at their real paths in
 * that repo, so its own node_modules resolve. `modules` is where other packages are read from: by default
 * the declaration snapshot shipped with this package.
 */
export async function emittedDiagnostics(files: readonly GeneratedFile[], repo?: string, modules?: string, background = false): Promise<EmittedDiagnostic[]> {
  const key = repo === undefined ? packageKey(files, modules) : undefined;
  const known = key === undefined ? undefined : checked.get(key);
  // A background check (the warm-up's) does not keep the process alive; one waited for now must.
  if (known) return background ? known : keptAlive(known);
  const order = new Map(files.map((f, i) => [f.path, i]));
  const rank = (d: EmittedDiagnostic) => order.get(d.file) ?? files.length;
  const ts = files.filter((f) => f.path.endsWith(".ts") || f.path === "package.json");
  const diagnostics = diagnose(ts, checkConfig(repo, modules), background).then((found) =>
    found.sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column || a.code - b.code),
  );
  if (key !== undefined) {
    if (checked.size >= REMEMBERED) checked.clear();
    checked.set(key, diagnostics);
    diagnostics.catch(() => checked.delete(key));
  }
  return diagnostics;
}

function keptAlive<T>(work: Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 1 << 30);
  return work.finally(() => clearInterval(timer));
}

/**
 * A new package's checks, by input, for this process: the run after the last question repeats
 * the check the warm-up did for the same spec (prewarm.ts). Only package mode: its check reads nothing
 * but these files and the declaration snapshot, where a repo's files could change in between.
 */
const checked = new Map<string, Promise<EmittedDiagnostic[]>>();
const REMEMBERED = 8;

/** What a new package's check depends on: its .ts files, and the module type its package.json gives them. */
function packageKey(files: readonly GeneratedFile[], modules = ""): string {
  const hash = createHash("sha256").update(modules);
  for (const f of files) {
    if (f.path.endsWith(".ts")) hash.update(`\0${f.path}\0${f.contents}`);
    if (f.path === "package.json") hash.update(`\0type\0${String((JSON.parse(f.contents) as { type?: unknown }).type)}`);
  }
  return hash.digest("hex");
}

/**
 * Formats `rendered` with `format` and type-checks the result, the two at once: the compiler checks the
 * unformatted text in this thread while prettier runs in its worker thread. Only a pass is trusted; on
 * any error the formatted files are checked again, so that what is reported names the lines as written.
 * Returns the formatted files; throws TypecheckError as typecheckFiles does.
 */
export async function typecheckWhileFormatting(
  rendered: readonly GeneratedFile[],
  format: (files: readonly GeneratedFile[]) => Promise<GeneratedFile[]>,
  repo?: string,
): Promise<GeneratedFile[]> {
  const formatting = format(rendered);
  formatting.catch(() => undefined); // reported where it is awaited, below
  // Prettier may move a @ts- directive off the code it is about: with one, check only the formatted files.
  const directive = rendered.some((f) => f.path.endsWith(".ts") && f.contents.includes("@ts-"));
  const passed = directive
    ? false
    : await emittedDiagnostics(rendered, repo).then(
        (diagnostics) => diagnostics.length === 0,
        () => false, // a failed check is repeated below, and then reported
      );
  const files = await formatting;
  if (!passed) await typecheckFiles(files, repo);
  return files;
}

/**
 * Has the compiler parse what `files` import (lib files, @langchain/core, vitest, @types/node), so that
 * the next check reuses it (prewarm.ts). Nothing is reported.
 */
export async function warmChecker(files: readonly GeneratedFile[], repo?: string): Promise<void> {
  await emittedDiagnostics(files, repo, undefined, true);
}

/**
 * Type-checks every emitted .ts file against the real @langchain/core and throws a TypecheckError naming
 * file and line of the emitted code.
 */
export async function typecheckFiles(files: readonly GeneratedFile[], repo?: string): Promise<void> {
  const diagnostics = await emittedDiagnostics(files, repo);
  if (diagnostics.length > 0) throw new TypecheckError(diagnostics);
}
