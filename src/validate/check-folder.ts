// Where the native compiler reads the emitted files from. Two places, because they trade speed for reach:
// - on disk, in a folder of this process under the OS temp dir whose node_modules links the packages the
//   emitted code imports (package mode). The compiler reads everything itself: a first check ~0.4 s.
// - in memory, at their real paths in the target repo (wrapper mode: an override may import the repo's own
//   modules, and its node_modules resolve as they will). The compiler asks us for every file it reads
//   through callbacks, one round trip each: a first check ~0.8 s.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { FileSystem } from "typescript-native/unstable/fs";
import { isRunning } from "../is-running.js";

/** What changed since the last write, as absolute paths: what the compiler is told. */
export interface FolderChanges {
  changed: string[];
  created: string[];
  deleted: string[];
}

export interface CheckFolder {
  root: string;
  /** Callbacks for the compiler, when the files are not on disk. */
  fs?: FileSystem;
  /** The text of each file as written, by absolute path. */
  files: ReadonlyMap<string, string>;
  /** Replaces the last set of files with `next` (absolute paths under `root`). */
  write(next: ReadonlyMap<string, string>): FolderChanges;
}

function diff(old: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): FolderChanges {
  const changes: FolderChanges = { changed: [], created: [], deleted: [...old.keys()].filter((p) => !next.has(p)) };
  for (const [path, contents] of next) {
    const before = old.get(path);
    if (before === undefined) changes.created.push(path);
    else if (before !== contents) changes.changed.push(path);
  }
  return changes;
}

/**
 * A temp folder whose node_modules links each of `packages` as found from `from` (Node's lookup, walking
 * up). The compiler follows the links to the real folders, so their own dependencies resolve as usual.
 * Removed when the process exits.
 */
export function diskFolder(from: string, packages: readonly string[]): CheckFolder {
  removeOrphans();
  const root = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  process.once("exit", () => rmSync(root, { recursive: true, force: true }));
  for (const name of packages) {
    const target = findPackage(from, name);
    if (!target) continue; // the check then reports the import it cannot resolve
    mkdirSync(dirname(join(root, "node_modules", name)), { recursive: true });
    symlinkSync(target, join(root, "node_modules", name), "junction");
  }
  let files = new Map<string, string>();
  return {
    root,
    get files() {
      return files;
    },
    write(next) {
      const changes = diff(files, next);
      for (const path of changes.deleted) rmSync(path, { force: true });
      for (const path of [...changes.created, ...changes.changed]) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, next.get(path)!);
      }
      files = new Map(next);
      return changes;
    },
  };
}

const PREFIX = "create-custom-llm-check-";

/** Folders of processes that ended without their exit handler (killed, or a test runner's worker). */
function removeOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.startsWith(PREFIX) ? name.slice(PREFIX.length).split("-")[0] : NaN);
    if (Number.isInteger(pid) && !isRunning(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function findPackage(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Files that exist only in memory, at their real paths under `root`; the rest is read from disk. */
export function memoryFolder(root: string): CheckFolder {
  let files = new Map<string, string>();
  /** Folders holding our files, each with the names of its entries. */
  let dirs = new Map<string, { files: string[]; directories: string[] }>();
  const fs: FileSystem = {
    // undefined: not one of ours, read the real disk.
    readFile: (path) => files.get(path),
    fileExists: (path) => (files.has(path) ? true : undefined),
    directoryExists: (path) => (dirs.has(path) ? true : undefined),
    // Our folders list only our files, so `include` never takes up a repo's own files in them.
    getAccessibleEntries: (path) => dirs.get(path),
  };
  const entriesOf = (dir: string) => {
    let entries = dirs.get(dir);
    if (!entries) dirs.set(dir, (entries = { files: [], directories: [] }));
    return entries;
  };
  return {
    root,
    fs,
    get files() {
      return files;
    },
    write(next) {
      const changes = diff(files, next);
      files = new Map(next);
      dirs = new Map();
      for (const path of next.keys()) {
        entriesOf(dirname(path)).files.push(basename(path));
        for (let dir = dirname(path); dir.length > root.length; dir = dirname(dir)) {
          const names = entriesOf(dirname(dir)).directories;
          if (!names.includes(basename(dir))) names.push(basename(dir));
        }
      }
      return changes;
    },
  };
}
