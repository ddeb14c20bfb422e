// The file system the type-check reads through. The emitted files are in memory; what they import is read
// from `<root>/node_modules`, which this maps onto a modules folder: the declaration snapshot shipped in
// dist/types/modules (scripts/build-types.ts), or a full node_modules (the build, and tests comparing the
// two). Into a repo (wrapper mode) a package the repo has is read from the repo.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

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

/** What the compiler host asks of the disk (morph-check.ts), answered through the mapping above. */
export class CheckFs {
  readonly #root: string;
  readonly #mount: string;
  readonly #modules: string;
  readonly #repo?: string;
  readonly #repoHas?: (name: string) => string | undefined;
  #listener?: ProbeListener;

  constructor(options: CheckFsOptions) {
    this.#root = options.root;
    this.#mount = join(options.root, "node_modules");
    this.#modules = options.modules;
    this.#repo = options.repo;
    if (options.repo !== undefined) this.#repoHas = finder(options.repo);
  }

  /** Who is told of the next check's probes. */
  listen(listener: ProbeListener | undefined): void {
    this.#listener = listener;
  }

  /** Where `path` is on disk, or nothing (outside the repo, a new package has nothing on disk). */
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

  fileExists(path: string): boolean {
    return this.#probe(path, "file") !== undefined;
  }

  readFile(path: string): string | undefined {
    const disk = this.#probe(path, "file");
    return disk === undefined ? undefined : readFileSync(disk, "utf8");
  }

  directoryExists(path: string): boolean {
    // The root itself is where a new package's files sit, though nothing of it is on disk.
    return path === this.#root || this.#probe(path, "directory") !== undefined;
  }

  getDirectories(path: string): string[] {
    const disk = this.#probe(path, "directory");
    return disk === undefined ? [] : readdirSync(disk, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  }

  realpath(path: string): string {
    // Mapped paths stay as they are, so that a package's own imports resolve from <root>/node_modules too.
    const { disk, module } = this.#locate(path);
    return module !== undefined || disk === undefined ? path : realpathSync(disk);
  }
}
