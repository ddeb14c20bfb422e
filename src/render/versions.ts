import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

export interface ToolVersions {
  langchainCore: string;
  vitest: string;
  typescript: string;
  typesNode: string;
  prettier: string;
}

let cached: ToolVersions | undefined;

/**
 * Versions the emitted package depends on: the ones this generator type-checks against, read from our
 * own package.json so the emitted package and our check can never disagree.
 */
export function toolVersions(): ToolVersions {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const all = { ...pkg.devDependencies, ...pkg.dependencies };
  const need = (name: string): string => {
    const v = all[name];
    if (!v) throw new Error(`internal: package.json lists no ${name}`);
    return v;
  };
  cached = {
    langchainCore: need("@langchain/core"),
    vitest: need("vitest"),
    typescript: need("typescript"),
    typesNode: need("@types/node"),
    prettier: need("prettier"),
  };
  return cached;
}
