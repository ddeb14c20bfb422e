import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * This package's root folder, found by walking up from this file: the same code runs from `src/`
 * (tests, tsx) and from `dist/src/` (the published bin), at different depths.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "templates")) || !existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("internal: cannot find the create-custom-llm package root");
    dir = parent;
  }
  root = dir;
  return dir;
}
