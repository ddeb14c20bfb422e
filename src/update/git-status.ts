import { spawnSync } from "node:child_process";

/**
 * The files git reports as changed or untracked under `dir`, so the user knows the update's changes will
 * be mixed with theirs (as Copier warns). Empty when clean, when `dir` is not in a git work tree, or when
 * git is not installed.
 */
export function uncommittedFiles(dir: string): string[] {
  const result = spawnSync("git", ["status", "--porcelain", "--untracked-files=all", "--", "."], { cwd: dir, encoding: "utf8" });
  if (result.status !== 0 || typeof result.stdout !== "string") return [];
  return result.stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.slice(3));
}
