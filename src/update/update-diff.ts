import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { WrapperUpdate } from "./plan-update.js";

/**
 * What the update would change in the wrappers' files, as a unified diff (git's a/ b/ names, /dev/null for
 * a new file). The records are left out: they hold whole files as JSON strings, unreadable as a diff.
 */
export function updateDiff(root: string, plans: readonly WrapperUpdate[]): string {
  const patches: string[] = [];
  const patch = (path: string, before: string | undefined, after: string) =>
    patches.push(createTwoFilesPatch(before === undefined ? "/dev/null" : `a/${path}`, `b/${path}`, before ?? "", after, undefined, undefined, { context: 3 }).replace(/^=+\n/, ""));
  for (const plan of plans) {
    for (const c of plan.files) {
      if (!("contents" in c)) continue;
      patch(c.path, c.change === "added" ? undefined : readFileSync(join(root, c.path), "utf8"), c.contents);
    }
  }
  return patches.join("");
}
