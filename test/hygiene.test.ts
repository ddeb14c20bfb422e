// The package as a library in someone else's process, and the repository as a contributor clones it.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, repoTempDir } from "./support/paths.js";

const dir = repoTempDir("hygiene");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the library in a host process", () => {
  it("generates in a host started as node --input-type=module -e: its worker threads do not take the host's flags", () => {
    // Inside the repo, the package's own name resolves to its exports, as it would from node_modules.
    const script = `
      const { generateFiles } = await import("create-custom-llm/generate");
      const spec = JSON.parse(${JSON.stringify(readFileSync(join(REPO, "examples/acme.json"), "utf8"))});
      const files = await generateFiles(spec);
      console.log(files.map((f) => f.path).join(","));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("src/acme-llm.ts");
  });
});

describe("the repository", () => {
  const git = (...args: string[]) => spawnSync("git", args, { cwd: REPO, encoding: "utf8" });

  it("ignores the tarball the README's npm pack step writes", () => {
    const { name, version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { name: string; version: string };
    expect(git("check-ignore", "--no-index", "-q", `${name}-${version}.tgz`).status).toBe(0);
  });

  it("tracks no scratch files at its root", () => {
    const tracked = git("ls-files").stdout.split("\n").filter((f) => f !== "" && !f.includes("/"));
    expect(tracked.filter((f) => f.startsWith(".tmp"))).toEqual([]);
  });
});
