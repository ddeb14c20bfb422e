import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recoverInterrupted, writeJournal } from "../src/write/recover.js";
import { TargetNotEmptyError, writeFiles } from "../src/write/write-files.js";
import { repoTempDir } from "./support/paths.js";

const dir = repoTempDir("write");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = [
  { path: "src/a.ts", contents: "a" },
  { path: "src/b.ts", contents: "b" },
  { path: "docs/a.md", contents: "doc" },
];

describe("writeFiles", () => {
  it("creates a new folder with every file and leaves no staging folder", async () => {
    await writeFiles(join(dir, "new"), files);
    expect(readFileSync(join(dir, "new/docs/a.md"), "utf8")).toBe("doc");
    expect(readdirSync(dir).filter((n) => n.includes("staging"))).toEqual([]);
  });

  it("refuses existing files without force, naming them", async () => {
    const target = join(dir, "taken");
    mkdirSync(join(target, "src"), { recursive: true });
    writeFileSync(join(target, "src/b.ts"), "mine");
    const error = await writeFiles(target, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetNotEmptyError);
    expect((error as TargetNotEmptyError).existing).toEqual(["src/b.ts"]);
    expect(readdirSync(join(target, "src"))).toEqual(["b.ts"]);
  });

  it("on failure part-way, takes back the moved files and restores replaced ones", async () => {
    const target = join(dir, "partial");
    mkdirSync(join(target, "src"), { recursive: true });
    writeFileSync(join(target, "src/a.ts"), "user a");
    // A plain file where the docs folder must go: the third file cannot be moved in.
    writeFileSync(join(target, "docs"), "user docs file");
    const error = await writeFiles(target, files, { force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(readdirSync(join(target, "src"))).toEqual(["a.ts"]);
    expect(readFileSync(join(target, "src/a.ts"), "utf8")).toBe("user a");
    expect(readFileSync(join(target, "docs"), "utf8")).toBe("user docs file");
    expect(readdirSync(dir).filter((n) => n.includes("staging"))).toEqual([]);
  });
});

describe("writeFiles into an empty folder", () => {
  it("swaps the folder in whole", async () => {
    const target = join(dir, "empty");
    mkdirSync(target);
    await writeFiles(target, files);
    expect(readdirSync(join(target, "src")).sort()).toEqual(["a.ts", "b.ts"]);
  });
});

/** A pid that is certainly dead: a process that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ["-e", "0"]).pid;

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(root.length + 1)] = readFileSync(join(e.parentPath, e.name), "utf8");
  }
  return out;
}

/**
 * A target and the staging folder a write killed between two renames leaves: journal written, then
 * src/a.ts (the user's, replaced) fully moved, src/b.ts (new) moved in, docs/a.md not reached. Built by
 * hand so each state of a file is there for certain; test/kill.test.ts kills real writes.
 */
function killedMidMove(name: string, pid: number): { target: string; staging: string } {
  const target = join(dir, name);
  mkdirSync(join(target, "src"), { recursive: true });
  writeFileSync(join(target, "notes.md"), "the user's notes");
  const staging = join(dir, `.${name}.staging-${pid}-AbC123`);
  for (const f of files) {
    mkdirSync(dirname(join(staging, "new", f.path)), { recursive: true });
    writeFileSync(join(staging, "new", f.path), f.contents);
  }
  writeFileSync(join(target, "src/a.ts"), "user a");
  writeJournal(target, staging, files);
  mkdirSync(join(staging, "old/src"), { recursive: true });
  renameSync(join(target, "src/a.ts"), join(staging, "old/src/a.ts"));
  renameSync(join(staging, "new/src/a.ts"), join(target, "src/a.ts"));
  renameSync(join(staging, "new/src/b.ts"), join(target, "src/b.ts"));
  mkdirSync(join(target, "docs")); // created by the move, about to receive docs/a.md
  return { target, staging };
}

describe("a write killed part-way", () => {
  it("is rolled back by the next write into the same target, which then writes whole", async () => {
    const { target, staging } = killedMidMove("killed", deadPid());
    expect(tree(target)).toEqual({ "notes.md": "the user's notes", "src/a.ts": "a", "src/b.ts": "b" });
    const told: string[] = [];
    await writeFiles(target, [{ path: "src/c.ts", contents: "c" }], { onRecovered: (m) => told.push(m) });
    expect(told).toEqual([expect.stringContaining("removed 2 new file(s), restored 1 replaced file(s)")]);
    // The user's file is back, the killed write's files are gone, its empty docs folder too.
    expect(tree(target)).toEqual({ "notes.md": "the user's notes", "src/a.ts": "user a", "src/c.ts": "c" });
    expect(readdirSync(target).sort()).toEqual(["notes.md", "src"]);
    expect(existsSync(staging)).toBe(false);
  });

  it("keeps a moved-in file changed since, and the file it replaced, aside", () => {
    const { target, staging } = killedMidMove("edited", deadPid());
    writeFileSync(join(target, "src/a.ts"), "edited after the kill");
    const [message] = recoverInterrupted(target);
    expect(message).toContain("Kept src/a.ts");
    expect(tree(target)).toEqual({ "notes.md": "the user's notes", "src/a.ts": "edited after the kill" });
    const aside = staging.replace(".staging-", ".interrupted-");
    expect(message).toContain(join(aside, "old"));
    expect(readFileSync(join(aside, "old/src/a.ts"), "utf8")).toBe("user a");
    // Not taken for an interrupted write again.
    expect(recoverInterrupted(target)).toEqual([]);
  });

  it("leaves a live process's staging folder alone, and removes a dead one's that had not begun moving", () => {
    const { target, staging } = killedMidMove("live", process.pid);
    expect(recoverInterrupted(target)).toEqual([]);
    expect(existsSync(staging)).toBe(true);
    expect(tree(target)).toMatchObject({ "src/a.ts": "a", "src/b.ts": "b" });

    const before = join(dir, ".live.staging-" + deadPid() + "-XyZ789");
    mkdirSync(join(before, "new/src"), { recursive: true });
    writeFileSync(join(before, "new/src/a.ts"), "half");
    const [message] = recoverInterrupted(target);
    expect(message).toContain("Removed");
    expect(existsSync(before)).toBe(false);
    expect(tree(target)).toMatchObject({ "src/a.ts": "a", "src/b.ts": "b" });
  });

  it("leaves alone another target's journal whose staging folder only shares the name prefix", () => {
    // Target "pre" and a folder named "pre.staging-1-x" beside it: the second's staging folders start
    // with the first's prefix.
    const other = join(dir, `pre.staging-${deadPid()}-x`);
    const staging = join(dir, `.${other.split("/").pop()}.staging-${deadPid()}-QqQ111`);
    mkdirSync(join(staging, "new/src"), { recursive: true });
    writeFileSync(join(staging, "new/src/a.ts"), "a");
    writeJournal(other, staging, [{ path: "src/a.ts", contents: "a" }]);
    expect(recoverInterrupted(join(dir, "pre"))).toEqual([]);
    expect(existsSync(join(staging, "new/src/a.ts"))).toBe(true);
  });

  it("an in-process failure is undone the same way: nothing of the write is left", async () => {
    const target = join(dir, "failing");
    mkdirSync(join(target, "deep"), { recursive: true });
    writeFileSync(join(target, "deep/x.ts"), "user x");
    writeFileSync(join(target, "blocker"), "a file where a folder must go");
    const writes = [
      { path: "deep/x.ts", contents: "new x" },
      { path: "new/dir/y.ts", contents: "y" },
      { path: "blocker/z.ts", contents: "z" },
    ];
    await expect(writeFiles(target, writes, { force: true })).rejects.toThrow();
    expect(tree(target)).toEqual({ "deep/x.ts": "user x", blocker: "a file where a folder must go" });
    // The folders the write created are gone too.
    expect(readdirSync(target).sort()).toEqual(["blocker", "deep"]);
  });
});
