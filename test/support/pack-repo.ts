import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childEnv } from "./child-env.js";
import { REPO } from "./paths.js";

/** Runs npm with output captured; a failure throws with npm's own output in the message. */
export function npm(args: readonly string[], cwd: string): string {
  try {
    return execFileSync("npm", [...args], { cwd, env: childEnv(), encoding: "utf8", stdio: "pipe", timeout: 600_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`);
  }
}

/** A fresh folder under the OS temp dir: outside this repo, so nothing resolves from our node_modules. */
export function osTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ccl-${prefix}-`));
}

/**
 * `npm pack` of this repo: the tarball a user's `npm create` downloads. Returns its path. The build is
 * `pretest`'s (run `npm run build` before a single test file), not built again by `prepack` for each.
 */
export function packRepo(dest: string): string {
  const [info] = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", dest], REPO)) as { filename: string }[];
  if (!info) throw new Error("npm pack reported no tarball");
  return join(dest, info.filename);
}
