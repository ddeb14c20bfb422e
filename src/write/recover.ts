// A write into a folder that holds files renames the new files in one at a time. Before the first rename
// it leaves a journal in its staging folder, and removes it after the last one. A process killed in
// between (SIGKILL, power loss) leaves that journal behind; the next write into the same target finds it
// and rolls the target back to what it held before, so a kill never leaves a mix of old and new files.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { isRunning } from "../is-running.js";

const JOURNAL = "moving.json";

interface Journal {
  /** The folder written into: another target's staging folder can share the name prefix (`a` and `a.staging-1-x`). */
  target: string;
  /** The files in the order they are moved in, each with the hash of its new contents. */
  files: { path: string; sha256: string }[];
  /** Folders the move creates (deepest last); removed again on roll-back when they are empty. */
  createdDirs: string[];
}

/** The prefix of a target's staging folders, beside the target (same file system: renames are atomic). */
export function stagingPrefix(dir: string): string {
  return `.${basename(dir)}.staging-`;
}

/** Staging folders carry the pid of their process, so a later run can tell a dead writer from a live one. */
export function stagingTemplate(dir: string): string {
  return join(dirname(dir), `${stagingPrefix(dir)}${process.pid}-`);
}

/** Of the bytes on disk: a string is hashed as its UTF-8, as writeFile writes it. */
export const sha256 = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

/** Written once every new file is in the staging folder, just before the first rename into the target. */
export function writeJournal(dir: string, staging: string, files: readonly { path: string; contents: string }[]): void {
  const createdDirs = new Set<string>();
  for (const f of files) {
    for (let d = dirname(join(dir, f.path)); d !== dir && !existsSync(d); d = dirname(d)) createdDirs.add(d);
  }
  const journal: Journal = {
    target: dir,
    files: files.map((f) => ({ path: f.path, sha256: sha256(f.contents) })),
    createdDirs: [...createdDirs].sort((a, b) => a.length - b.length).map((d) => relative(dir, d)),
  };
  writeFileSync(join(staging, `${JOURNAL}.tmp`), JSON.stringify(journal));
  // Renamed into place so a kill mid-write never leaves a journal that is half there.
  renameSync(join(staging, `${JOURNAL}.tmp`), join(staging, JOURNAL));
}

function readJournal(staging: string): Journal {
  return JSON.parse(readFileSync(join(staging, JOURNAL), "utf8")) as Journal;
}

/** The moves are all done: from here a kill leaves the new files, and the staging folder is only litter. */
export function commitJournal(staging: string): void {
  rmSync(join(staging, JOURNAL), { force: true });
}

/** Staging folders of `dir` whose process is gone: interrupted writes. Live ones (a concurrent run) are left. */
export function interruptedWrites(dir: string): string[] {
  const parent = dirname(dir);
  if (!existsSync(parent)) return [];
  const prefix = stagingPrefix(dir);
  return readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .filter((name) => {
      const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
      return Number.isInteger(pid) && pid > 0 && !isRunning(pid);
    })
    .map((name) => join(parent, name));
}

/**
 * Undoes the interrupted writes into `dir`: each new file that was moved in is removed (unless it was
 * changed since: then it stays, and is reported), each replaced file is put back, and the staging folder
 * is removed. Returns one line per interrupted write, for the user.
 */
export function recoverInterrupted(dir: string): string[] {
  return interruptedWrites(dir).flatMap((staging) => {
    const journalFile = join(staging, JOURNAL);
    if (existsSync(journalFile) && readJournal(staging).target !== dir) return [];
    if (!existsSync(journalFile)) {
      // Killed before the first rename or after the last one: the target is as that run left it whole.
      rmSync(staging, { recursive: true, force: true });
      return `Removed ${staging}, left by a run interrupted before or after its write (not during it).`;
    }
    const { restored, removed, kept } = rollBack(dir, staging);
    const summary = `Rolled back a write into ${dir} that was interrupted part-way: removed ${removed} new file(s), restored ${restored} replaced file(s).`;
    if (kept.length === 0) {
      rmSync(staging, { recursive: true, force: true });
      return summary;
    }
    // A file changed since it was moved in is someone's work: it stays, and so does the file it replaced,
    // in a folder the next run will not take for an interrupted write.
    commitJournal(staging);
    const aside = join(dirname(staging), basename(staging).replace(".staging-", ".interrupted-"));
    renameSync(staging, aside);
    return `${summary} Kept ${kept.join(", ")}: changed since the interrupted write; what they replaced (if anything) is in ${join(aside, "old")}.`;
  });
}

/**
 * Puts `dir` back as it was before the journalled moves, as far as they went: which files are still in
 * staging/new and staging/old says how far that was.
 */
export function rollBack(dir: string, staging: string): { restored: number; removed: number; kept: string[] } {
  const journal = readJournal(staging);
  let restored = 0;
  let removed = 0;
  const kept: string[] = [];
  for (const { path, sha256: hash } of [...journal.files].reverse()) {
    const target = join(dir, path);
    const backup = join(staging, "old", path);
    // Still in staging/new: this file was never moved in, and the target's own file (if any) is in place.
    const movedIn = !existsSync(join(staging, "new", path));
    if (movedIn && existsSync(target)) {
      if (sha256(readFileSync(target)) === hash) {
        rmSync(target);
        removed++;
      } else {
        kept.push(path);
        continue;
      }
    }
    if (existsSync(backup)) {
      mkdirSync(dirname(target), { recursive: true });
      renameSync(backup, target);
      restored++;
    }
  }
  for (const d of [...journal.createdDirs].reverse()) {
    try {
      rmdirSync(join(dir, d));
    } catch {
      // Not empty (or already gone): it holds something that is not ours to remove.
    }
  }
  return { restored, removed, kept };
}
