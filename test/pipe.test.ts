import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listTree } from "./support/files.js";
import { CLI, REPO, repoTempDir } from "./support/paths.js";

const dir = repoTempDir("pipe");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin with its stdout read by nobody: the read end is closed at once, as `| head -1` does. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("a reader that closes stdout early", () => {
  it("changes neither the files written nor the exit code", async () => {
    const r = await runWithClosedStdout(["out", "--spec", join(REPO, "examples/chat-custom.json")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(listTree(join(dir, "out"))).toHaveLength(13);
  }, 120_000);

  it("--help exits 0", async () => {
    const r = await runWithClosedStdout(["--help"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
