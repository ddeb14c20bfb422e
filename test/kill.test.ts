import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recoverInterrupted } from "../src/write/recover.js";
import { CLI, REPO, repoTempDir } from "./support/paths.js";

// SIGKILL cannot be caught: these tests kill real processes at several moments and check what a user
// would find afterwards. A kill is a moment, not a timing assertion: every outcome is checked the same way.

const dir = repoTempDir("kill");
const WRITE_CHILD = join(REPO, "test/support/write-child.mjs");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function listTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(root)) return files;
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const path = join(e.parentPath, e.name);
      files.set(path.slice(root.length + 1), readFileSync(path, "utf8"));
    }
  }
  return files;
}

/** Staging folders beside `name` in the test folder: what a write in progress or a killed one leaves. */
const stagingFolders = (name: string): string[] => readdirSync(dir).filter((n) => n.startsWith(`.${name}.staging-`));

interface Ended {
  code: number | null;
  signal: string | null;
  stderr: string;
}

/**
 * Starts a process, sends it `signal` `delayMs` after it prints "ready" (or after start), resolves when it
 * is gone, with how it ended.
 */
function signalAfter(args: string[], delayMs: number, waitForReady: boolean, signal: NodeJS.Signals = "SIGKILL"): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const send = () => setTimeout(() => child.kill(signal), delayMs);
    if (waitForReady) child.stdout.once("data", send);
    else send();
    child.on("exit", (code, sig) => resolve({ code, signal: sig, stderr }));
  });
}

const SPEC = join(REPO, "examples/acme.json");
const references = new Map<string, Promise<Map<string, string>>>();

/** What an uninterrupted CLI run writes from `spec`; run once, compared with every interrupted run. */
function completeRun(spec = SPEC): Promise<Map<string, string>> {
  const target = join(dir, `complete-${references.size}`);
  if (!references.has(spec)) references.set(spec, signalAfter([CLI, target, "--spec", spec], 60_000, false).then(() => listTree(target)));
  return references.get(spec)!;
}

describe("killed mid-run", () => {
  // One model kind of each: the write does not depend on the kind, and this holds it to that.
  it.each(["acme.json", "chat-openai-compatible.json"])("the CLI leaves a new target folder complete or absent (%s)", async (example) => {
    const spec = join(REPO, "examples", example);
    const expected = await completeRun(spec);
    expect(expected.size).toBeGreaterThan(5);
    // From just after start to well past the end of a normal run on this machine.
    for (const delay of [300, 1500, 2500, 3500]) {
      const target = join(dir, `cli-${example}-${delay}`);
      await signalAfter([CLI, target, "--spec", spec], delay, false);
      const found = listTree(target);
      expect(found.size === 0 || found.size === expected.size, `after ${delay} ms: ${found.size} files`).toBe(true);
      for (const [path, contents] of found) expect(contents, path).toBe(expected.get(path));
    }
  });

  /** Time of an uninterrupted run of the write child, to spread kill moments over it. */
  async function writeRunMs(target: string, force: string): Promise<number> {
    const started = performance.now();
    await signalAfter([WRITE_CHILD, target, "1500", force], 60_000, true);
    return performance.now() - started;
  }
  /** Kill moments from early to late in a run; callers stop once a kill has landed where they need it. */
  // Dense near the end, where the renames are: on a busy machine a run's phases shift, so many moments
  // are tried; each caller stops at the first kill that lands where it needs.
  const fractions = [0.2, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.83, 0.86, 0.88, 0.9, 0.92, 0.94, 0.96, 0.98, 1, 1.03, 1.06];

  it("the write step into a new folder leaves all files or none; the next write removes its staging folder", async () => {
    const runMs = await writeRunMs(join(dir, "write-reference"), "");
    let midWrite = false;
    for (const [i, fraction] of fractions.entries()) {
      const target = join(dir, `write-${i}`);
      await signalAfter([WRITE_CHILD, target, "1500", ""], Math.round(fraction * runMs), true);
      const found = listTree(target);
      expect(found.size === 0 || found.size === 1500, `at ${fraction} of a run: ${found.size} files`).toBe(true);
      // A staging folder left behind means the kill landed while files were being written.
      const left = stagingFolders(`write-${i}`).length;
      midWrite ||= left > 0;
      expect(recoverInterrupted(target).length).toBe(left);
      expect(stagingFolders(`write-${i}`)).toEqual([]);
      expect(listTree(target)).toEqual(found);
      if (midWrite) break;
    }
    expect(midWrite).toBe(true);
  });

  let forceSweeps = 0;
  // The moment a kill lands is a search over timings on a shared machine: a sweep that never lands between
  // two renames proves nothing either way, so the whole sweep, reference run included, is tried again.
  it("with --force into a folder of the user's: no file half-written, and a kill between renames is rolled back by the next run", { retry: 2 }, async () => {
    const sweep = ++forceSweeps;
    const runMs = await writeRunMs(join(dir, `force-reference-${sweep}`), "force");
    const user = new Map([
      ["notes.md", "the user's notes"],
      ["src/deep/0/file-0.ts", "the user's old file-0"],
    ]);
    let partial = false;
    for (const [i, fraction] of fractions.entries()) {
      const target = join(dir, `force-${sweep}-${i}`);
      mkdirSync(join(target, "src/deep/0"), { recursive: true });
      for (const [path, contents] of user) writeFileSync(join(target, path), contents);
      await signalAfter([WRITE_CHILD, target, "1500", "force"], Math.round(fraction * runMs), true);
      const found = listTree(target);
      expect(found.get("notes.md")).toBe("the user's notes");
      for (const [path, contents] of found) {
        if (path === "notes.md") continue;
        // Each file is either the user's old one or a complete new one: renames are atomic.
        expect(contents === "the user's old file-0" || contents.endsWith(`"${"x".repeat(2000)}";\n`), path).toBe(true);
      }
      partial = found.size > 2 && found.size < 1501;
      if (!partial) continue;
      // The next run into that folder (the real CLI, another package) rolls the killed write back first.
      const next = spawnSync(process.execPath, [CLI, target, "--spec", SPEC, "--force"], { cwd: dir, encoding: "utf8" });
      expect(next.status, next.stderr).toBe(0);
      expect(next.stderr).toContain(`Rolled back a write into ${target} that was interrupted part-way`);
      const after = listTree(target);
      const expected = await completeRun();
      expect([...after.keys()].sort()).toEqual([...user.keys(), ...expected.keys()].sort());
      for (const [path, contents] of user) expect(after.get(path), path).toBe(contents);
      for (const [path, contents] of expected) expect(after.get(path), path).toBe(contents);
      // Not even the killed write's empty folders are left.
      expect(readdirSync(join(target, "src/deep"))).toEqual(["0"]);
      expect(stagingFolders(`force-${sweep}-${i}`)).toEqual([]);
      break;
    }
    // Proves a kill landed between two renames, where only the roll-back makes the write all or nothing.
    expect(partial).toBe(true);
  });
});

describe("Ctrl-C (SIGINT) after the last answer", () => {
  it("exits 130 with nothing written and no staging folder, or, once the write began, leaves the whole package", async () => {
    const expected = await completeRun();
    expect(expected.size).toBeGreaterThan(5);
    let cancelled = false;
    for (const delay of [400, 700, 1000, 1300, 1600, 2000, 2500]) {
      const target = join(dir, `int-${delay}`);
      const { code, signal, stderr } = await signalAfter([CLI, target, "--spec", SPEC], delay, false, "SIGINT");
      const found = listTree(target);
      if (code === 0) {
        expect(found.size, `after ${delay} ms`).toBe(expected.size);
        for (const [path, contents] of found) expect(contents, path).toBe(expected.get(path));
      } else {
        // 130 from our handler, or Node's default before the handler is set (still loading the spec).
        expect(code === 130 || signal === "SIGINT", `after ${delay} ms: ${code} ${signal} ${stderr}`).toBe(true);
        expect(found.size, `after ${delay} ms`).toBe(0);
        if (code === 130) expect(stderr).toContain("Cancelled: nothing was written.");
      }
      cancelled ||= code === 130;
      expect(readdirSync(dir).filter((n) => n.startsWith(`.int-${delay}.staging-`)), `after ${delay} ms`).toEqual([]);
    }
    // At least one interrupt landed while formatting or type-checking, where our handler answers.
    expect(cancelled).toBe(true);
  });

  it("once the files are written, Ctrl-C ends the run as the success it is: exit 0, the package whole", async () => {
    const expected = await completeRun();
    const target = join(dir, "int-after-write");
    const ended = await new Promise<Ended>((resolve) => {
      const child = spawn(process.execPath, [CLI, target, "--spec", SPEC], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      // "Wrote …" is printed after the write and before the report's end and the compiler's shutdown.
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("Wrote ")) child.kill("SIGINT");
      });
      child.on("exit", (code, signal) => resolve({ code, signal, stderr }));
    });
    expect(ended, ended.stderr).toMatchObject({ code: 0, signal: null });
    expect(listTree(target)).toEqual(expected);
  });
});
