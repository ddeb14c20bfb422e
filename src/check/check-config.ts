import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { packageRoot } from "../paths.js";

/** What the check needs: the emitted tsconfig's options, where files sit, where packages are read from. */
export interface CheckConfig {
  /** compilerOptions as JSON, exactly as in templates/package/tsconfig.json.hbs, plus `typeRoots`. */
  compilerOptions: Record<string, unknown>;
  /**
   * The folder the emitted files are placed under, in memory only: the target repo (so its own
   * node_modules resolve) or a folder inside this package with nothing on disk.
   */
  root: string;
  /** The target repo (wrapper mode); undefined for a new package. */
  repo?: string;
  /** Read as `<root>/node_modules` for every package the repo does not have (check-fs.ts). */
  modules: string;
}

/** The declaration snapshot shipped with this package (scripts/build-types.ts writes it). */
export function snapshotModules(): string {
  return join(packageRoot(), "dist/types/modules");
}

/**
 * The emitted package's own tsconfig compiler options, so we check with exactly what its users build with.
 * `@types/node` comes from the target repo (or a folder above it) when it has one, else from `modules`.
 */
export function checkConfig(repo?: string, modules = snapshotModules()): CheckConfig {
  const text = readFileSync(join(packageRoot(), "templates/package/tsconfig.json.hbs"), "utf8");
  const { compilerOptions } = JSON.parse(text) as { compilerOptions: Record<string, unknown> };
  const root = repo ?? join(packageRoot(), ".typecheck");
  return {
    compilerOptions: { ...compilerOptions, noEmit: true, typeRoots: [join(typesFolder(repo) ?? root, "node_modules/@types")] },
    root,
    repo,
    modules,
  };
}

/** The folder, the repo or one above it, whose node_modules has @types/node. */
function typesFolder(repo: string | undefined): string | undefined {
  for (let dir = repo; dir !== undefined; dir = dirname(dir) === dir ? undefined : dirname(dir)) {
    if (existsSync(join(dir, "node_modules/@types/node/package.json"))) return dir;
  }
  return undefined;
}
