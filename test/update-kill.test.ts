// An update killed (SIGKILL) or interrupted (Ctrl-C, SIGINT) at moments spread over its run: the package
// holds the old files or the whole update, never a mix, once a killed write is rolled back (as the next
// run into the folder does first).
import { spawn } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recoverInterrupted } from "../src/write/recover.js";
import { runCli } from "./support/cli.js";
import { readTree } from "./support/files.js";
import { CLI, REPO, repoTempDir } from "./support/paths.js";

const dir = repoTempDir("update-kill");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V2 = join(dir, "acme-v2.json");
let old: Record<string, string>;
let updated: Record<string, string>;

/** A copy of the edited package, to update once. */
function copy(name: string): string {
  const target = join(dir, name);
  cpSync(join(dir, "edited"), target, { recursive: true });
  return target;
}

function updateThen(target: string, signal: NodeJS.Signals, delayMs: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "update", target, "--spec", V2], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(signal), delayMs);
    child.on("exit", (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

beforeAll(() => {
  const spec = JSON.parse(readFileSync(join(REPO, "examples/acme.json"), "utf8"));
  spec.params.push({ name: "topK", type: "number", default: 40, description: "Sample from the topK most likely tokens." });
  writeFileSync(V2, JSON.stringify(spec));
  expect(runCli(["edited", "--spec", join(REPO, "examples/acme.json")], dir).status).toBe(0);
  const cls = join(dir, "edited/src/acme-llm.ts");
  writeFileSync(cls, readFileSync(cls, "utf8").replace("request.signal?.throwIfAborted();", "request.signal?.throwIfAborted(); // checked first"));
  old = readTree(join(dir, "edited"));
  const done = runCli(["update", copy("reference"), "--spec", V2], dir);
  expect(done.status, done.stderr).toBe(0);
  updated = readTree(join(dir, "reference"));
  expect(updated["src/acme-llm.ts"]).toContain("topK");
  expect(updated["src/acme-llm.ts"]).toContain("// checked first");
}, 120_000);

const staging = (name: string) => readdirSync(dir).filter((n) => n.startsWith(`.${name}.staging-`));

describe("update interrupted", () => {
  it("killed at any moment: the old files or the whole update, once the killed write is rolled back", async () => {
    for (const delay of [800, 2500, 4000, 5500, 7000]) {
      const target = copy(`kill-${delay}`);
      await updateThen(target, "SIGKILL", delay);
      recoverInterrupted(target);
      const found = readTree(target);
      expect([old, updated].map((tree) => JSON.stringify(tree)), `after ${delay} ms`).toContain(JSON.stringify(found));
      expect(staging(`kill-${delay}`)).toEqual([]);
    }
  });

  it("Ctrl-C: exits 130 with the old files untouched, or, once the write began, 0 with the whole update", async () => {
    let cancelled = false;
    for (const delay of [800, 2500, 4000, 5500]) {
      const target = copy(`int-${delay}`);
      const { code, signal, stderr } = await updateThen(target, "SIGINT", delay);
      const found = readTree(target);
      if (code === 0) {
        expect(found, `after ${delay} ms`).toEqual(updated);
      } else {
        // 130 from our handler, or Node's default before it is set (still loading).
        expect(code === 130 || signal === "SIGINT", `after ${delay} ms: ${code} ${signal} ${stderr}`).toBe(true);
        expect(found, `after ${delay} ms`).toEqual(old);
        if (code === 130) expect(stderr).toContain("Cancelled: nothing was written.");
      }
      cancelled ||= code === 130;
      expect(staging(`int-${delay}`)).toEqual([]);
    }
    // At least one interrupt landed while regenerating or merging, where the handler answers.
    expect(cancelled).toBe(true);
  });
});
