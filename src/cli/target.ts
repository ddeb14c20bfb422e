import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Folders that do not make a target "not empty": a fresh `git init` is where people start. */
const IGNORED = new Set([".git"]);
const SHOWN = 8;

/** Up to `limit` files under `dir` (paths relative to it, depth first, sorted), and whether there are more. */
function someFiles(dir: string, limit: number): { files: string[]; more: boolean } {
  const files: string[] = [];
  const walk = (rel: string): boolean => {
    const entries = readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (IGNORED.has(entry.name) && rel === "") continue;
      const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (walk(path)) return true;
      } else {
        if (files.length === limit) return true;
        files.push(path);
      }
    }
    return false;
  };
  return { more: walk(""), files };
}

/**
 * Why `dir` cannot be written into without --force, or undefined when it can: it is missing, empty or
 * holds only .git. Names the files found, so the user sees what would be mixed with the new package, and
 * ends with `fix`: what to do, in the words of where the folder was chosen (a flag, a question).
 */
export function targetProblem(
  dir: string,
  shown: string,
  fix = "Choose another folder, empty it, or pass --force to write into it (files of the same name are replaced).",
): string | undefined {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    return undefined;
  }
  if (!isDir) return `${shown} is a file, not a folder; choose another target folder`;
  const { files, more } = someFiles(dir, SHOWN);
  if (files.length === 0) return undefined;
  return `${shown} is not empty: it holds ${files.join(", ")}${more ? " and more" : ""}. ${fix}`;
}
