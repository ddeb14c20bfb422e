import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { packageRoot } from "../paths.js";

/** What the check needs: the emitted tsconfig's options, where `@types` come from, where files sit. */
export interface CheckConfig {
  /** compilerOptions as JSON, exactly as in templates/package/tsconfig.json.hbs, plus `typeRoots`. */
  compilerOptions: Record<string, unknown>;
  /**
   * The folder the emitted files are placed under, in memory only: the target repo (so its own
   * node_modules resolve) or a folder inside this package (so ours do: the versions the package pins).
   */
  root: string;
  /** The target repo (wrapper mode); undefined for a new package. */
  repo?: string;
}

/**
 * The emitted package's own tsconfig compiler options, so we check with exactly what its users build with.
 * `@types/node` comes from the target repo when it has one, else from ours wherever npm placed it.
 */
export function checkConfig(repo?: string): CheckConfig {
  const text = readFileSync(join(packageRoot(), "templates/package/tsconfig.json.hbs"), "utf8");
  const { compilerOptions } = JSON.parse(text) as { compilerOptions: Record<string, unknown> };
  const repoTypes = repo === undefined ? undefined : join(repo, "node_modules/@types");
  const typeRoots =
    repoTypes && existsSync(join(repoTypes, "node"))
      ? repoTypes
      : dirname(dirname(createRequire(import.meta.url).resolve("@types/node/package.json")));
  return {
    compilerOptions: { ...compilerOptions, noEmit: true, typeRoots: [typeRoots] },
    root: repo ?? join(packageRoot(), ".typecheck"),
    repo,
  };
}
