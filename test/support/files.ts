import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every file under `root`, as sorted paths relative to it. */
export function listTree(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

/** Every file under `root` with its text, to compare two outputs exactly. */
export function readTree(root: string): Record<string, string> {
  return Object.fromEntries(listTree(root).map((f) => [f, readFileSync(join(root, f), "utf8")]));
}

/** A new empty folder `name` under `root`, to run one test in. */
export function freshDir(root: string, name: string): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  return path;
}
