import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
