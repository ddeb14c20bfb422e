import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { GeneratedFile } from "../render/render.js";

export interface WriteOptions {
  /** Replace files that exist already (they are restored if the write fails part-way). */
  force?: boolean;
}

/** Refused before anything was written: the target holds files we would overwrite. */
export class TargetNotEmptyError extends Error {
  constructor(
    readonly target: string,
    readonly existing: readonly string[],
  ) {
    super(
      `${target} already holds ${existing.length === 1 ? "a file" : "files"} this would overwrite: ${existing.join(", ")}. ` +
        "Choose another folder, remove them, or pass --force to replace them.",
    );
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
 * holds files already (only with `force`) the files are renamed in one at a time: each file is whole, and on
 * an error the ones moved are taken back and replaced files restored, but a SIGKILL between two renames
 * leaves some files new and some old.
 */
export async function writeFiles(target: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<string[]> {
  const dir = resolve(target);
  const existing = existingFiles(dir, files);
  if (existing.length > 0 && !options.force) throw new TargetNotEmptyError(target, existing);

  await mkdir(dirname(dir), { recursive: true });
  const staging = await mkdtemp(join(dirname(dir), `.${basename(dir)}.staging-`));
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
  // What was done so far, in order, so a failure can undo exactly that.
  const undo: { path: string; backup?: string; moved: boolean }[] = [];
  try {
    for (const file of files) {
      const step: (typeof undo)[number] = { path: join(dir, file.path), moved: false };
      undo.push(step);
      if (existsSync(step.path)) {
        const backup = join(staging, "old", file.path);
        await mkdir(dirname(backup), { recursive: true });
        await rename(step.path, backup);
        step.backup = backup;
      }
      await mkdir(dirname(step.path), { recursive: true });
      await rename(join(staging, "new", file.path), step.path);
      step.moved = true;
    }
  } catch (error) {
    for (const { path, backup, moved } of undo.reverse()) {
      if (moved) await rm(path, { force: true });
      if (backup) await rename(backup, path);
    }
    throw error;
  }
}
