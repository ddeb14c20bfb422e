// `create-custom-llm update` as a user runs it: the real bin, real packages and repos in temp folders.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { listTree } from "./support/files.js";
import { REPO, repoTempDir } from "./support/paths.js";

const dir = repoTempDir("update");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACME = join(REPO, "examples/acme.json");
const acme = JSON.parse(readFileSync(ACME, "utf8")) as { params: object[]; secrets: object[] } & Record<string, unknown>;
/** A spec file in the test folder: acme.json changed by `change`. */
function specFile(name: string, change: (spec: typeof acme) => void): string {
  const spec = structuredClone(acme);
  change(spec);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(spec, null, 2));
  return path;
}
/** acme.json with one more param and one more secret. */
const V2 = specFile("acme-v2.json", (s) => {
  s.params.push({ name: "topK", type: "number", default: 40, description: "Sample from the topK most likely tokens." });
  s.secrets.push({ name: "orgId", env: "ACME_ORG_ID", description: "Acme organisation id." });
});

const update = (args: string[]) => runCli(["update", ...args], dir);
let generated: string | undefined;
/** A package the bin generated from acme.json, copied: one generation serves every test. */
function generate(name: string): string {
  if (generated === undefined) {
    const r = runCli(["generated", "--spec", ACME], dir);
    expect(r.status, r.stderr).toBe(0);
    generated = join(dir, "generated");
  }
  cpSync(generated, join(dir, name), { recursive: true });
  return join(dir, name);
}
const read = (root: string, path: string) => readFileSync(join(root, path), "utf8");
function edit(root: string, path: string, from: string | RegExp, to: string): void {
  const text = read(root, path);
  const changed = text.replace(from, to);
  expect(changed, `${path}: ${String(from)} not found`).not.toBe(text);
  writeFileSync(join(root, path), changed);
}

/** Every file with its text and mtime: an update that rewrites a file, even with the same bytes, shows here. */
function snapshot(root: string): Record<string, { text: string; mtime: number }> {
  return Object.fromEntries(listTree(root).map((f) => [f, { text: read(root, f), mtime: statSync(join(root, f)).mtimeMs }]));
}
/** Sets every file's mtime to a moment long past, so a rewrite cannot keep the same mtime on a coarse clock. */
function agePast(root: string): void {
  for (const f of listTree(root)) utimesSync(join(root, f), new Date(2020, 0, 1), new Date(2020, 0, 1));
}

const PROVIDER_STUB = /throw new Error\(\n\s*"AcmeLLM\.streamProvider\(\) is not implemented yet[^;]*;/;
const PROVIDER_BODY = 'const words = ["hand", "written", request.prompt];\n    for (const word of words) yield `${word} `;';
const OWN_TEST = '\ndescribe("our own case", () => {\n  it("keeps working", () => expect(1 + 1).toBe(2));\n});\n';
const OWN_README = "\n## Our notes\n\nHand-written section.\n";

/** The hand edits of a user who filled in the provider call and wrote some docs and a test. */
function handEdits(root: string): void {
  edit(root, "src/acme-llm.ts", PROVIDER_STUB, PROVIDER_BODY);
  writeFileSync(join(root, "README.md"), read(root, "README.md") + OWN_README);
  writeFileSync(join(root, "src/acme-llm.test.ts"), read(root, "src/acme-llm.test.ts") + OWN_TEST);
}
function expectHandEdits(root: string): void {
  expect(read(root, "src/acme-llm.ts")).toContain(PROVIDER_BODY);
  expect(read(root, "src/acme-llm.ts")).not.toMatch(PROVIDER_STUB);
  expect(read(root, "README.md").endsWith(OWN_README)).toBe(true);
  expect(read(root, "src/acme-llm.test.ts").endsWith(OWN_TEST)).toBe(true);
}

describe("create-custom-llm update", () => {
  it("records the spec, the flags, the generator version and the output as written, in .custom-llm/<Class>.json", () => {
    const pkg = generate("recorded");
    const record = JSON.parse(read(pkg, ".custom-llm/AcmeLLM.json"));
    const { $schema: _, ...spec } = acme;
    expect(record.spec).toEqual(spec);
    expect(record.mode).toBe("package");
    expect(record.generator).toEqual({ name: "create-custom-llm", version: JSON.parse(read(REPO, "package.json")).version });
    expect(record.package.year).toBe(new Date().getFullYear());
    const written = listTree(pkg).filter((f) => !f.startsWith(".custom-llm/"));
    expect(Object.keys(record.files).sort()).toEqual(written);
    for (const f of written) expect(record.files[f], f).toBe(read(pkg, f));
    // Committed with the package, never published, never checked by its prettier.
    const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: pkg, encoding: "utf8" });
    expect(pack.status, pack.stderr).toBe(0);
    const packed = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(packed).toContain("README.md");
    expect(packed.filter((p) => p.startsWith(".custom-llm"))).toEqual([]);
    expect(read(pkg, ".prettierignore")).toContain(".custom-llm/");
    expect(read(pkg, ".gitignore")).not.toContain(".custom-llm");
  });

  it("no-op: the same spec and generator change nothing, not even an mtime, and exit 0", () => {
    const pkg = generate("noop");
    agePast(pkg);
    const before = snapshot(pkg);
    const r = update([pkg]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("AcmeLLM: up to date.");
    expect(snapshot(pkg)).toEqual(before);
  });

  it("spec change: a new param and secret reach the class, tests and docs; every hand edit survives; a deleted file stays deleted", () => {
    const pkg = generate("spec-change");
    handEdits(pkg);
    rmSync(join(pkg, ".prettierrc.json"));
    agePast(pkg);
    const before = snapshot(pkg);
    const r = update([pkg, "--spec", V2]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("src/acme-llm.ts: merged with your edits");
    expect(r.stdout).toContain("README.md: merged with your edits");
    expect(r.stdout).toContain("src/acme-llm.test.ts: merged with your edits");
    expect(r.stdout).toContain(".prettierrc.json: deleted by you, stays deleted");
    expect(r.stdout).not.toContain("does not type-check");
    expectHandEdits(pkg);
    const cls = read(pkg, "src/acme-llm.ts");
    expect(cls).toContain("topK: number = 40;");
    expect(cls).toContain('orgId: "ACME_ORG_ID"');
    expect(read(pkg, "src/acme-llm.test.ts")).toContain('it("reads orgId from the constructor, else from ACME_ORG_ID"');
    expect(read(pkg, "docs/acme-llm.md")).toContain("`topK`");
    expect(read(pkg, "README.md")).toContain("ACME_ORG_ID");
    expect(existsSync(join(pkg, ".prettierrc.json"))).toBe(false);
    // Files the update had nothing for are not touched.
    const after = snapshot(pkg);
    for (const f of ["LICENSE", "tsconfig.json", "package.json", "src/index.ts"]) expect(after[f], f).toEqual(before[f]);
    // The record moved to the new output: the next update merges from there, and finds nothing to do.
    const record = JSON.parse(read(pkg, ".custom-llm/AcmeLLM.json"));
    expect(record.spec.params.map((p: { name: string }) => p.name)).toContain("topK");
    expect(record.files["src/acme-llm.ts"]).toContain("topK: number = 40;");
    expect(record.files["src/acme-llm.ts"]).not.toContain(PROVIDER_BODY);
    const again = update([pkg]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("AcmeLLM: up to date; deleted by you, stays deleted: .prettierrc.json.\n");
  });

  it("conflict: a docstring the user reworded and the new spec changes too is written with markers, listed by file and line, exit 3", () => {
    const pkg = generate("conflict");
    edit(pkg, "src/acme-llm.ts", "  /** Sampling temperature between 0 and 2; higher values give more varied text. */", "  /** How adventurous the text is (our wording). */");
    const v3 = specFile("acme-v3.json", (s) => {
      (s.params[1] as { description: string }).description = "Sampling temperature, 0 to 2.";
    });
    const r = update([pkg, "--spec", v3]);
    expect(r.status).toBe(3);
    const text = read(pkg, "src/acme-llm.ts");
    const lines = text.split("\n");
    const listed = [...r.stdout.matchAll(/^ {2}src\/acme-llm\.ts:(\d+)$/gm)].map((m) => Number(m[1]));
    expect(listed).toHaveLength(1);
    const at = listed[0]! - 1;
    expect(lines.slice(at, at + 5)).toEqual([
      "<<<<<<< yours",
      "  /** How adventurous the text is (our wording). */",
      "=======",
      "  /** Sampling temperature, 0 to 2. */",
      ">>>>>>> generated",
    ]);
    expect(r.stdout).toContain("src/acme-llm.ts: CONFLICT at line");
    // The docs had no edit of the user's: they take the new wording cleanly.
    expect(read(pkg, "docs/acme-llm.md")).toContain("Sampling temperature, 0 to 2.");
    expect(JSON.parse(read(pkg, ".custom-llm/AcmeLLM.json")).spec.params[1].description).toBe("Sampling temperature, 0 to 2.");
  });

  it("merged code that does not type-check is written all the same, its errors listed by file and line, exit 4", () => {
    const pkg = generate("type-errors");
    // The user's provider call reads a param the new spec drops.
    edit(pkg, "src/acme-llm.ts", PROVIDER_STUB, "yield `${this.tier}: ${request.prompt}`;");
    const v4 = specFile("acme-v4.json", (s) => (s.params = s.params.filter((p) => (p as { name: string }).name !== "tier")));
    const r = update([pkg, "--spec", v4]);
    expect(r.status).toBe(4);
    const text = read(pkg, "src/acme-llm.ts");
    expect(text).not.toContain("tier: ");
    const line = text.split("\n").findIndex((l) => l.includes("yield `${this.tier}")) + 1;
    expect(line).toBeGreaterThan(0);
    expect(r.stdout).toContain("The merged code does not type-check");
    expect(r.stdout).toMatch(new RegExp(`^  src/acme-llm\\.ts:${line}:\\d+ TS2339: Property 'tier' does not exist`, "m"));
  });

  it("--dry-run prints the unified diff and writes nothing", () => {
    const pkg = generate("dry-run");
    handEdits(pkg);
    agePast(pkg);
    const before = snapshot(pkg);
    const r = update([pkg, "--spec", V2, "--dry-run"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("--- a/src/acme-llm.ts\n+++ b/src/acme-llm.ts\n@@ ");
    expect(r.stdout).toMatch(/^\+ {2}topK: number = 40;$/m);
    expect(r.stdout).toMatch(/^\+.*ACME_ORG_ID/m);
    // Your edits are context or untouched, never removed.
    expect(r.stdout).not.toMatch(/^-.*hand.*written/m);
    expect(r.stdout).toContain(".custom-llm/AcmeLLM.json: would move to the new output");
    expect(r.stdout).toContain("Dry run: nothing was written.");
    expect(snapshot(pkg)).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.startsWith(".dry-run.staging-"))).toEqual([]);
  });

  it("adopt: a package made before records were written is adopted with its spec, and then updates like any other", () => {
    const pkg = generate("adopt");
    rmSync(join(pkg, ".custom-llm"), { recursive: true });
    // The previous release wrote this line differently; adopting keeps it as the user's.
    edit(pkg, "src/acme-llm.ts", "/** The prompt text. */", "/** The prompt. */");
    handEdits(pkg);
    const refused = update([pkg]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`update ${pkg} --adopt --spec <its spec.json>`);
    const before = snapshot(pkg);
    const adopted = update([pkg, "--adopt", "--spec", ACME]);
    expect(adopted.stderr).toBe("");
    expect(adopted.status).toBe(0);
    const after = snapshot(pkg);
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), ".custom-llm/AcmeLLM.json"].sort());
    for (const f of Object.keys(before)) expect(after[f], f).toEqual(before[f]);
    const r = update([pkg, "--spec", V2]);
    expect(r.status, r.stderr).toBe(0);
    expectHandEdits(pkg);
    expect(read(pkg, "src/acme-llm.ts")).toContain("/** The prompt. */");
    expect(read(pkg, "src/acme-llm.ts")).toContain("topK: number = 40;");
  });

  it("bad input is refused with nothing written: no record, a renamed class, --spec with --all", () => {
    const pkg = generate("refusals");
    const before = snapshot(pkg);
    const renamed = specFile("renamed.json", (s) => (s.name = "OtherLLM"));
    const r = update([pkg, "--spec", renamed]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("update does not rename a wrapper");
    expect(update([pkg, "--all", "--spec", V2]).status).toBe(2);
    expect(update([join(dir, "missing-folder")]).status).toBe(2);
    expect(snapshot(pkg)).toEqual(before);
  });

  it("reports uncommitted changes in git before it updates, as Copier does", () => {
    const pkg = generate("dirty");
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", ...args], { cwd: pkg, encoding: "utf8" });
    expect(git("init", "-q").status).toBe(0);
    git("add", "-A");
    expect(git("commit", "-qm", "generated").status).toBe(0);
    expect(update([pkg]).stderr).toBe("");
    handEdits(pkg);
    const r = update([pkg, "--spec", V2]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("Warning: git reports uncommitted changes here (README.md, src/acme-llm.test.ts, src/acme-llm.ts)");
    expectHandEdits(pkg);
  });

  it("--help describes update and its exit codes; the main --help names it", () => {
    const r = runCli(["update", "--help"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: create-custom-llm update [dir] [options]");
    expect(r.stdout).toMatch(/3 written with conflicts/);
    expect(runCli(["--help"], dir).stdout).toContain("create-custom-llm update [dir]");
  });
});

describe("create-custom-llm update --all in a repo", () => {
  const FIXTURE = join(REPO, "test/fixtures/team-repo");
  const GENERATE = join(REPO, "dist/src/generate.js");
  const SPECS = [
    { name: "Acme", description: "Acme's in-house model.", streaming: true },
    { name: "Beta", description: "Beta's model.", params: [{ name: "model", type: "string", default: "b-1", description: "Model to use." }] },
  ];

  it("after a conventions and an override template change, updates both wrappers and keeps their edits", () => {
    const repo = join(dir, "team-repo");
    cpSync(FIXTURE, repo, { recursive: true });
    // Two wrappers added the way plop.load adds them: the library's generateWrapperInto.
    const script = join(dir, "add-wrappers.mjs");
    writeFileSync(script, `import { generateWrapperInto } from ${JSON.stringify(GENERATE)};\nfor (const spec of ${JSON.stringify(SPECS)}) await generateWrapperInto(${JSON.stringify(repo)}, spec);\n`);
    const added = spawnSync(process.execPath, [script], { encoding: "utf8" });
    expect(added.status, added.stderr).toBe(0);
    expect(listTree(join(repo, ".custom-llm"))).toEqual(["AcmeLLM.json", "BetaLLM.json"]);
    for (const name of ["AcmeLLM", "BetaLLM"]) {
      writeFileSync(join(repo, `lib/llms/${name}.ts`), `${read(repo, `lib/llms/${name}.ts`)}\n// ${name}: the team's own note.\n`);
      edit(repo, `documentation/llms/${name}.md`, "Owned by the platform team.", `Owned by the platform team; ${name} is on call.`);
    }
    // The team changes its conventions: a new license header, a new line in its docs template.
    const config = JSON.parse(read(repo, "custom-llm.config.json"));
    config.licenseHeader = "Copyright (c) Acme Group.\nSPDX-License-Identifier: Apache-2.0";
    writeFileSync(join(repo, "custom-llm.config.json"), JSON.stringify(config, null, 2));
    writeFileSync(join(repo, "llm-templates/wrapper/docs.md.hbs"), `${read(repo, "llm-templates/wrapper/docs.md.hbs")}\nReviewed every quarter.\n`);

    const one = update([repo]);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain("records 2 wrappers (AcmeLLM, BetaLLM): pass --name <ClassName> for one, or --all");

    const r = update([repo, "--all"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const name of ["AcmeLLM", "BetaLLM"]) {
      const cls = read(repo, `lib/llms/${name}.ts`);
      expect(cls.startsWith("/*\n * Copyright (c) Acme Group.\n")).toBe(true);
      expect(cls.endsWith(`\n// ${name}: the team's own note.\n`)).toBe(true);
      expect(read(repo, `tests/llms/${name}.test.ts`).startsWith("/*\n * Copyright (c) Acme Group.\n")).toBe(true);
      const docs = read(repo, `documentation/llms/${name}.md`);
      expect(docs).toContain("Reviewed every quarter.");
      expect(docs).toContain(`${name} is on call.`);
    }
    expect(read(repo, "lib/llms/existing.ts")).toBe(read(FIXTURE, "lib/llms/existing.ts"));
    expect(update([repo, "--all"]).stdout).toBe("AcmeLLM: up to date.\nBetaLLM: up to date.\n");
  });
});
