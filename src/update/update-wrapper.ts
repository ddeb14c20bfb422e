// `create-custom-llm update` as a library call: the generate pipeline (validate → render → prettier →
// check) run again from each wrapper's record, a three-way merge of its output into the files on disk,
// a type-check of what the merge produced, then the same all-or-nothing write as generate.
import { resolve } from "node:path";
import type { EmittedDiagnostic } from "../check/typecheck-error.js";
import type { GeneratedFile } from "../render/render.js";
import { recoverInterrupted } from "../write/recover.js";
import { writeFiles } from "../write/write-files.js";
import { uncommittedFiles } from "./git-status.js";
import { planUpdate, type UpdateOptions, type WrapperUpdate } from "./plan-update.js";

export interface UpdateWrapperOptions extends UpdateOptions {
  /** Plan only: nothing is written (`diff` in the result says what would change). */
  dryRun?: boolean;
  /** Told what was done about an earlier write into the same folder that a kill interrupted. */
  onRecovered?: (message: string) => void;
}

export interface UpdateResult {
  wrappers: WrapperUpdate[];
  /** Compiler errors in the merged code, by file and line. The files are written all the same. */
  diagnostics: EmittedDiagnostic[];
  /** Files git reports changed or untracked in the folder before the update. */
  uncommitted: string[];
  /** The files written (paths relative to the folder); empty on a dry run or when nothing changed. */
  written: string[];
  /** Each conflict written between markers, as `path:line` of its `<<<<<<< yours` (conflictsOf). */
  conflicts: string[];
}

/** Each conflict, as `path:line` of its `<<<<<<< yours` marker. */
export const conflictsOf = (wrappers: readonly WrapperUpdate[]): string[] =>
  wrappers.flatMap((w) => w.files.flatMap((c) => (c.change === "conflict" ? c.lines.map((line) => `${c.path}:${line}`) : [])));

/**
 * What the write must put on disk: the changed files and the records that moved. A file several wrappers
 * share is written once, as the last of them left it (planUpdate merges it in turn).
 */
export function filesToWrite(wrappers: readonly WrapperUpdate[]): GeneratedFile[] {
  const byPath = new Map<string, GeneratedFile>();
  for (const w of wrappers) {
    for (const c of w.files) if ("contents" in c) byPath.set(c.path, { path: c.path, contents: c.contents });
    if (w.recordChanged) byPath.set(w.record.path, w.record);
  }
  return [...byPath.values()];
}

/**
 * The merged code of every wrapper that keeps edits of its user and has no conflict (markers do not
 * parse), checked as generate checks its output; a wrapper with no edits was checked as it was generated.
 */
export async function checkMerged(root: string, wrappers: readonly WrapperUpdate[]): Promise<EmittedDiagnostic[]> {
  const { emittedDiagnostics } = await import("../check/typecheck.js");
  const found: EmittedDiagnostic[] = [];
  for (const w of wrappers) {
    if (!w.edited || w.files.some((c) => c.change === "conflict")) continue;
    found.push(...(await emittedDiagnostics(w.final, w.mode === "wrapper" ? root : undefined)));
  }
  return found;
}

/**
 * Regenerates the wrapper (or, with `all`, every wrapper) recorded in `dir` and merges the new output into
 * the files there, keeping every hand edit; conflicts are written between markers. The changed files and
 * the new records are written all at once or not at all. Throws UpdateError when it cannot start, and
 * SpecError for a bad spec or record, with nothing written.
 */
export async function updateWrapper(dir: string, options: UpdateWrapperOptions = {}): Promise<UpdateResult> {
  const root = resolve(dir);
  if (!options.dryRun) for (const message of recoverInterrupted(root)) options.onRecovered?.(message);
  const uncommitted = uncommittedFiles(root);
  const wrappers = await planUpdate(root, dir, options);
  const diagnostics = await checkMerged(root, wrappers);
  const changed = filesToWrite(wrappers);
  if (!options.dryRun && changed.length > 0) await writeFiles(root, changed, { force: true, onRecovered: options.onRecovered });
  return { wrappers, diagnostics, uncommitted, written: options.dryRun ? [] : changed.map((f) => f.path), conflicts: conflictsOf(wrappers) };
}
