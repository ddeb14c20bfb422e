import { mergeText } from "./merge-file.js";

/** What an update does to one file of a wrapper. */
export type FileChange =
  /** Stays as it is on disk (not written, its mtime kept): nothing new from the generator for it. */
  | { path: string; change: "unchanged" }
  /** Not edited since it was generated: becomes the new output. */
  | { path: string; change: "updated"; contents: string }
  /** Edited, and the generator's changes merged into the edits without a conflict. */
  | { path: string; change: "merged"; contents: string }
  /** Edited where the generator changed it too: written with both versions between markers. */
  | { path: string; change: "conflict"; contents: string; lines: number[] }
  /** New in the new output. */
  | { path: string; change: "added"; contents: string }
  /** Deleted by its user since it was generated: stays deleted. */
  | { path: string; change: "deleted" }
  /** The new output no longer has it: left as it is, for its user to remove. */
  | { path: string; change: "dropped" };

/**
 * The three-way decision for one path: `base` as generated last time (undefined: not generated then),
 * `generated` the new output (undefined: not generated now), `yours` the file on disk (undefined: absent).
 * `missingIsNew`: a file absent on disk is added rather than taken as deleted (adopting a package).
 */
export function fileChange(
  path: string,
  base: string | undefined,
  generated: string | undefined,
  yours: string | undefined,
  missingIsNew = false,
): FileChange | undefined {
  if (generated === undefined) return yours === undefined || base === undefined ? undefined : { path, change: "dropped" };
  if (yours === undefined) return base === undefined || missingIsNew ? { path, change: "added", contents: generated } : { path, change: "deleted" };
  if (yours === generated || generated === base) return { path, change: "unchanged" };
  if (yours === base) return { path, change: "updated", contents: generated };
  // A file of the user's where the new output adds one: merged as two additions to an empty file.
  const merged = mergeText(yours, base ?? "", generated);
  if (merged.conflicts.length > 0) return { path, change: "conflict", contents: merged.text, lines: merged.conflicts };
  return merged.text === yours ? { path, change: "unchanged" } : { path, change: "merged", contents: merged.text };
}
