import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv } from "./support/child-env.js";
import { npm, osTempDir, packRepo, unpackRepo } from "./support/pack-repo.js";

// The slow, real-world path: our published tarball generates a package, which installs, tests, lints, builds
// and packs, and whose tarball a separate project installs and runs. SKIP_SLOW=1 skips it locally; CI runs it.
const slow = process.env.SKIP_SLOW === "1" ? describe.skip : describe;
const INSTALL = ["--prefer-offline", "--no-audit", "--no-fund"];

slow("a package generated from our packed tarball", () => {
  let work: string;
  let generated: string;
  let ourPackage: string;

  function node(args: string[], cwd: string): { status: number; out: string } {
    try {
      return { status: 0, out: execFileSync("node", args, { cwd, env: childEnv(), encoding: "utf8", stdio: "pipe" }) };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { status: e.status, out: e.stdout + e.stderr };
    }
  }

  beforeAll(() => {
    work = osTempDir("e2e");
    ourPackage = unpackRepo(packRepo(work), join(work, "ours"));
    generated = join(work, "acme-llm");
    // Through the library entry of the unpacked tarball, so this proves what ships: dist, templates, examples.
    const script = `
      import { readFileSync } from "node:fs";
      import { generateInto } from "./dist/src/generate.js";
      const spec = JSON.parse(readFileSync("examples/acme.json", "utf8"));
      await generateInto(${JSON.stringify(generated)}, spec, { packageScope: "@acme", author: "Acme Inc." });
    `;
    const result = node(["--input-type=module", "-e", script], ourPackage);
    if (result.status !== 0) throw new Error(`generating from the tarball failed:\n${result.out}`);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("ships the templates, with dotfiles stored under another name and renamed on write", () => {
    expect(existsSync(join(ourPackage, "templates/package/gitignore.hbs"))).toBe(true);
    expect(existsSync(join(ourPackage, "templates/package/prettierrc.json.hbs"))).toBe(true);
    for (const file of [".gitignore", ".prettierrc.json", ".prettierignore", "LICENSE", "README.md", "package.json"]) {
      expect(existsSync(join(generated, file)), file).toBe(true);
    }
    expect(readFileSync(join(generated, ".gitignore"), "utf8")).toContain("node_modules/");
  });

  it("installs, passes its own tests and lint, and builds dist/ with declarations and no tests", () => {
    npm(["install", ...INSTALL], generated);
    // Colour codes stripped: vitest colours its summary even into a pipe.
    const tests = npm(["test"], generated).replace(/\x1b\[[0-9;]*m/g, "");
    expect(tests).toMatch(/Tests\s+\d+ passed/);
    expect(tests).not.toMatch(/failed/);
    npm(["run", "lint"], generated);
    npm(["run", "build"], generated);
    for (const file of ["index.js", "index.d.ts", "acme-llm.js", "acme-llm.d.ts"]) {
      expect(existsSync(join(generated, "dist", file)), file).toBe(true);
    }
    expect(existsSync(join(generated, "dist/acme-llm.test.js"))).toBe(false);
  });

  it("each chat example generates a package that passes its tests and builds, and lints", () => {
    const examples = { "chat-openai-compatible": "chat-completions", "chat-custom": "chat-acme", "chat-ollama": "chat-local-ollama" };
    const script = `
      import { readFileSync } from "node:fs";
      import { generateInto } from "./dist/src/generate.js";
      for (const [example, folder] of Object.entries(${JSON.stringify(examples)})) {
        const spec = JSON.parse(readFileSync("examples/" + example + ".json", "utf8"));
        await generateInto(${JSON.stringify(work)} + "/" + folder, spec);
      }
    `;
    const result = node(["--input-type=module", "-e", script], ourPackage);
    expect(result.status, result.out).toBe(0);
    const [first, ...rest] = Object.values(examples).map((folder) => join(work, folder));
    npm(["install", ...INSTALL], first!);
    // The chat packages declare the same dependencies: one install serves the other two (CI time).
    for (const folder of rest) symlinkSync(join(first!, "node_modules"), join(folder, "node_modules"), "dir");
    for (const folder of [first!, ...rest]) {
      const tests = npm(["test"], folder).replace(/\x1b\[[0-9;]*m/g, "");
      expect(tests).toMatch(/Tests\s+\d+ passed/);
      expect(tests).not.toMatch(/failed/);
      npm(["run", "build"], folder);
      expect(existsSync(join(folder, "dist/index.d.ts")), folder).toBe(true);
    }
    // Lint (tsc and prettier --check) once: the build above type-checks the others.
    npm(["run", "lint"], first!);
  });

  it("packs only dist, README, LICENSE and package.json, and the tarball runs from a separate project", () => {
    const [packed] = JSON.parse(npm(["pack", "--json"], generated)) as { filename: string; files: { path: string }[] }[];
    const paths = packed!.files.map((f) => f.path);
    expect(paths.filter((p) => !p.startsWith("dist/")).sort()).toEqual(["LICENSE", "README.md", "package.json"]);
    expect(paths).toContain("dist/index.d.ts");
    expect(paths.some((p) => p.includes(".test."))).toBe(false);

    const consumer = join(work, "consumer");
    npm(["init", "-y"], (execFileSync("mkdir", ["-p", consumer]), consumer));
    // npm installs the peer @langchain/core itself.
    npm(["install", ...INSTALL, join(generated, packed!.filename)], consumer);
    writeFileSync(
      join(consumer, "use.mjs"),
      `import { AcmeLLM } from "@acme/langchain-acme-llm";
       // The provider call filled in the way a user does: by overriding the one generated method.
       class Echo extends AcmeLLM {
         async *streamProvider(request) { yield "echo: "; yield request.prompt; yield " END more"; }
       }
       const llm = new Echo({ apiKey: "k-secret" });
       const text = await llm.invoke("hi", { stop: ["END"] });
       const chunks = [];
       for await (const chunk of await llm.stream("there")) chunks.push(chunk);
       console.log(JSON.stringify({ text, chunks }));`,
    );
    const esm = node(["use.mjs"], consumer);
    expect(esm.status, esm.out).toBe(0);
    expect(JSON.parse(esm.out)).toEqual({ text: "echo: hi END", chunks: ["echo: ", "there", " END more"] });

    // The README says require() works on Node >= 20.19 (require of ES modules); this is what users see.
    writeFileSync(join(consumer, "use.cjs"), `const { AcmeLLM } = require("@acme/langchain-acme-llm"); console.log(typeof AcmeLLM);`);
    const cjs = node(["use.cjs"], consumer);
    expect(cjs.status, cjs.out).toBe(0);
    expect(cjs.out).toContain("function");
  });
});
