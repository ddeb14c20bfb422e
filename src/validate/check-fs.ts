// The file system the type-check reads through. The emitted .ts files live in ts-morph's memory; what they
// import is read from `<root>/node_modules`, which this maps onto a modules folder: the declaration
// snapshot shipped in dist/types/modules (scripts/build-types.ts), or a full node_modules (the build, and
// tests comparing the two). Into a repo (wrapper mode) a package the repo has is read from the repo.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
// ts-morph's own error: ts-morph tells "no such file" from a failure by its class, which it does not re-export.
import { errors, type StandardizedFilePath } from "@ts-morph/common";
import { ts, type FileSystemHost, type RuntimeDirEntry } from "ts-morph";

/** Told of every path under the modules folder the compiler looks for, relative to it, and whether it is there. */
export type ProbeListener = (path: string, found: boolean) => void;

export interface CheckFsOptions {
  /** Where the emitted files sit (in memory): the target repo, or a folder of ours with nothing on disk. */
  root: string;
  /** The folder read as `<root>/node_modules` for any package the repo does not have. */
  modules: string;
  /** The target repo (wrapper mode): its own files and packages are read from disk. */
  repo?: string;
}

/** The top-level package a path under node_modules belongs to: `zod`, `@types/node`. */
function packageName(rest: string): string {
  const parts = rest.split("/");
  return parts[0]!.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/**
 * The node_modules folder, in `repo` or above it (Node's lookup), that has package `name`; undefined when
 * none has it. Cached: a check asks for every file of a package.
 */
function finder(repo: string): (name: string) => string | undefined {
  const found = new Map<string, string | undefined>();
  return (name) => {
    if (found.has(name)) return found.get(name);
    let at: string | undefined;
    for (let dir = repo; ; dir = dirname(dir)) {
      if (existsSync(join(dir, "node_modules", name, "package.json"))) {
        at = join(dir, "node_modules");
        break;
      }
      if (dirname(dir) === dir) break;
    }
    found.set(name, at);
    return at;
  };
}

const stat = (path: string) => statSync(path, { throwIfNoEntry: false });

export class CheckFs implements FileSystemHost {
  readonly #root: string;
  readonly #mount: string;
  readonly #modules: string;
  readonly #repo?: string;
  readonly #repoHas?: (name: string) => string | undefined;
  /** Files of this check that are not .ts sources: a new package's package.json (its module type). */
  #memory = new Map<string, string>();
  #listener?: ProbeListener;

  constructor(options: CheckFsOptions) {
    this.#root = options.root;
    this.#mount = join(options.root, "node_modules");
    this.#modules = options.modules;
    this.#repo = options.repo;
    if (options.repo !== undefined) this.#repoHas = finder(options.repo);
  }

  /** The in-memory files of the next check, by absolute path, and who is told of its probes. */
  prepare(memory: ReadonlyMap<string, string>, listener?: ProbeListener): void {
    this.#memory = new Map(memory);
    this.#listener = listener;
  }

  /** Where `path` is on disk, or undefined where nothing is (outside the repo, a new package has nothing). */
  #locate(path: string): { disk?: string; module?: string } {
    const rest = path === this.#mount ? "" : path.startsWith(this.#mount + sep) ? relative(this.#mount, path) : undefined;
    if (rest !== undefined) {
      // A package the repo has (or a folder above it) is the repo's: a path to it resolves as it will.
      if (rest !== "" && this.#repoHas?.(packageName(rest)) !== undefined) return { disk: path };
      return { disk: join(this.#modules, rest), module: rest };
    }
    return this.#repo === undefined ? {} : { disk: path };
  }

  #probe(path: string, kind: "file" | "directory"): string | undefined {
    const { disk, module } = this.#locate(path);
    const info = disk === undefined ? undefined : stat(disk);
    const found = kind === "file" ? info?.isFile() === true : info?.isDirectory() === true;
    if (module !== undefined && kind === "file") this.#listener?.(module, found);
    return found ? disk : undefined;
  }

  isCaseSensitive(): boolean {
    return ts.sys.useCaseSensitiveFileNames;
  }

  readFileSync(path: string): string {
    const text = this.#memory.get(path);
    if (text !== undefined) return text;
    const disk = this.#probe(path, "file");
    if (disk === undefined) throw new errors.FileNotFoundError(path as StandardizedFilePath);
    return readFileSync(disk, "utf8");
  }

  async readFile(path: string): Promise<string> {
    return this.readFileSync(path);
  }

  fileExistsSync(path: string): boolean {
    return this.#memory.has(path) || this.#probe(path, "file") !== undefined;
  }

  async fileExists(path: string): Promise<boolean> {
    return this.fileExistsSync(path);
  }

  directoryExistsSync(path: string): boolean {
    // The root itself is where a new package's files sit, though nothing of it is on disk.
    return path === this.#root || this.#probe(path, "directory") !== undefined;
  }

  async directoryExists(path: string): Promise<boolean> {
    return this.directoryExistsSync(path);
  }

  readDirSync(path: string): RuntimeDirEntry[] {
    const disk = this.#probe(path, "directory");
    if (disk === undefined) return [];
    return readdirSync(disk, { withFileTypes: true }).map((e) => ({
      name: join(path, e.name),
      isFile: e.isFile(),
      isDirectory: e.isDirectory(),
      isSymlink: e.isSymbolicLink(),
    }));
  }

  realpathSync(path: string): string {
    // Mapped paths stay as they are, so that a package's own imports resolve from <root>/node_modules too.
    const { disk, module } = this.#locate(path);
    return module !== undefined || disk === undefined ? path : realpathSync(disk);
  }

  getCurrentDirectory(): string {
    return this.#root;
  }

  // The check reads only: ts-morph calls none of these unless asked to save, move or glob.
  delete(): Promise<void> {
    return readOnly();
  }
  deleteSync(): void {
    readOnly();
  }
  writeFile(): Promise<void> {
    return readOnly();
  }
  writeFileSync(): void {
    readOnly();
  }
  mkdir(): Promise<void> {
    return readOnly();
  }
  mkdirSync(): void {
    readOnly();
  }
  move(): Promise<void> {
    return readOnly();
  }
  moveSync(): void {
    readOnly();
  }
  copy(): Promise<void> {
    return readOnly();
  }
  copySync(): void {
    readOnly();
  }
  glob(): Promise<string[]> {
    return readOnly();
  }
  globSync(): string[] {
    return readOnly();
  }
}

function readOnly(): never {
  throw new Error("internal: the type-check's file system is read-only");
}
