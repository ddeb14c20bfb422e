// What `npm create custom-llm` runs: the packed tarball's bin, installed by npm exec into its own cache,
// in a folder outside this repo. Its dependencies come from the npm registry, so this is the one test
// here that uses the network; it runs once.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateFiles } from "../src/generate.js";
import { readTree } from "./support/files.js";
import { packageFileCount, REPO } from "./support/paths.js";
import { exampleSpecs } from "./support/specs.js";

/** Files a package-mode run writes, counted from the real template table. */
const FILES = await packageFileCount();

const tmp = mkdtempSync(join(tmpdir(), "create-custom-llm-pack-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A user's shell: none of the variables that `npm test` and vitest set for their own children. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && !k.startsWith("npm_") && k !== "NODE_OPTIONS"),
  );
}

describe("the published package", () => {
  it("packs the bin, the generator and the templates, and its bin generates through npm exec", { timeout: 600_000 }, async () => {
    // The build is fresh (npm test builds first), so the prepack build is skipped.
    const pack = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], { cwd: REPO, encoding: "utf8", env: userEnv() });
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    const packed = files.map((f) => f.path);
    expect(packed).toEqual(expect.arrayContaining(["dist/src/cli/main.js", "dist/generators/llm.js", "dist/precompiled-templates.cjs", "dist/types/modules/@langchain/core/package.json", "dist/types/modules/@langchain/core/dist/language_models/llms.d.ts", "templates/wrapper/llm.ts.hbs", "examples/acme.json"]));
    expect(packed.filter((p) => p.startsWith("test/") || p.startsWith("src/") || p === "plopfile.ts")).toEqual([]);

    const work = join(tmp, "work");
    mkdirSync(work);
    copyFileSync(join(REPO, "examples/acme.json"), join(work, "acme.json"));
    const run = spawnSync("npm", ["exec", "--yes", "--package", join(tmp, filename), "--", "create-custom-llm", "acme", "--spec", "acme.json"], {
      cwd: work,
      encoding: "utf8",
      env: userEnv(),
      timeout: 590_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Wrote ${FILES} files to acme:`);
    // npm exec says who ran it, so the next steps are npm's.
    expect(run.stdout).toContain("Next:\n  cd acme\n  npm install\n  npm test\n");

    // The installed bin wrote exactly what this checkout generates for the same spec.
    const spec = exampleSpecs().find((e) => e.file === "acme.json")!.spec;
    const expected = Object.fromEntries((await generateFiles(spec)).map((f) => [f.path, f.contents]));
    expect(readTree(join(work, "acme"))).toEqual(expected);
  });
});
