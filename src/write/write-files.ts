import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { GeneratedFile } from "../render/render.js";
import { commitJournal, recoverInterrupted, rollBack, stagingTemplate, writeJournal } from "./recover.js";

export interface WriteOptions {
  /** Replace files that exist already (they are restored if the write fails part-way). */
  force?: boolean;
  /** Files that may be replaced without `force`: the caller checked what they hold. */
  replaces?: readonly string[];
  /** Told what was done about an earlier write into the same target that a kill interrupted. */
  onRecovered?: (message: string) => void;
}

/** Refused before anything was written: the target holds files we would overwrite. */
export class TargetNotEmptyError extends Error {
  constructor(
    readonly target: string,
    readonly existing: readonly string[],
    fix = "Choose another folder, remove them, or pass --force to replace them.",
  ) {
    super(`${target} already holds ${existing.length === 1 ? "a file" : "files"} this would overwrite: ${existing.join(", ")}. ${fix}`);
    this.name = "TargetNotEmptyError";
  }
}

/** Which of the files exist in the target folder already. */
export function existingFiles(target: string, files: readonly GeneratedFile[]): string[] {
  return files.filter((f) => existsSync(join(target, f.path))).map((f) => f.path);
}

/**
 * Writes all files or none. Everything is first written to a staging folder beside the target (same file
 * system, so renames are atomic). A new or empty target folder appears in one rename; into a folder that
 * holds files already the files are renamed in one at a time: each file is whole, and on an error the ones
 * moved are taken back and replaced files restored. A kill between two renames cannot be caught: its
 * journal makes the next write into the same target roll the target back first (recover.ts).
 */
export async function writeFiles(target: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<string[]> {
  const dir = resolve(target);
  for (const message of recoverInterrupted(dir)) options.onRecovered?.(message);
  const existing = existingFiles(dir, files).filter((path) => !options.replaces?.includes(path));
  if (existing.length > 0 && !options.force) throw new TargetNotEmptyError(target, existing);

  await mkdir(dirname(dir), { recursive: true });
  const staging = await mkdtemp(stagingTemplate(dir));
  try {
    for (const file of files) {
      const path = join(staging, "new", file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.contents);
    }
    // A missing or empty target is swapped in whole, in one rename: a kill leaves all files or none.
    if (!existsSync(dir) || (await rmdir(dir).then(() => true, () => false))) {
      await rename(join(staging, "new"), dir);
    } else {
      await moveInto(dir, staging, files);
    }
    return files.map((f) => join(dir, f.path));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function moveInto(dir: string, staging: string, files: readonly GeneratedFile[]): Promise<void> {
  writeJournal(dir, staging, files);
  try {
    for (const file of files) {
      const path = join(dir, file.path);
      if (existsSync(path)) {
        const backup = join(staging, "old", file.path);
        await mkdir(dirname(backup), { recursive: true });
        await rename(path, backup);
      }
      await mkdir(dirname(path), { recursive: true });
      await rename(join(staging, "new", file.path), path);
    }
    commitJournal(staging);
  } catch (error) {
    // The same roll-back a later run does after a kill: the journal and the staging folder say what moved.
    rollBack(dir, staging);
    throw error;
  }
}
