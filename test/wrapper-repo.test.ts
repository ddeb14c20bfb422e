// Adding a wrapper to an existing repo with `npx plop llm` (this package loaded through `plop.load`):
// what the repo lacks is said before the first question, and the docs import from the repo's module.
// Through plop's real bin in a terminal; the repo is a folder under ours, loading this checkout by path.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv } from "./support/child-env.js";
import { freshDir, listTree } from "./support/files.js";
import { REPO, repoTempDir } from "./support/paths.js";
import { CTRL_C, ENTER, runInPty, type Step } from "./support/pty.js";

const dir = repoTempDir("wrapper-repo");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PLOP = join(REPO, "node_modules/plop/bin/plop.js");
const OURS = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { devDependencies: Record<string, string> };

/** A repo whose plopfile loads this checkout; `deps` go into its package.json. */
function makeRepo(name: string, deps: Record<string, string>, config?: object): string {
  const repo = freshDir(dir, name);
  writeFileSync(join(repo, "package.json"), JSON.stringify({ name, private: true, type: "module", devDependencies: deps }, null, 2));
  writeFileSync(join(repo, "plopfile.js"), `export default async (plop) => { await plop.load(${JSON.stringify(REPO)}); };\n`);
  if (config) writeFileSync(join(repo, "custom-llm.config.json"), JSON.stringify(config));
  return repo;
}
const BOTH = { "@langchain/core": OURS.devDependencies["@langchain/core"]!, vitest: OURS.devDependencies.vitest! };
const plop = (repo: string, steps: Step[]) => runInPty([process.execPath, PLOP, "llm"], steps, repo, childEnv({ NO_COLOR: "1" }));

const ANSWERS: Step[] = [
  { expect: "What kind of model?", send: ENTER },
  { expect: "Class name of the wrapper (PascalCase, e.g. AcmeLLM):", send: `AcmeLLM${ENTER}` },
  { expect: "Description (opens the class docstring):", send: `Acme.${ENTER}` },
  { expect: "Provider API docs URL (Enter to skip):", send: ENTER },
  { expect: "Stream tokens as they arrive (_streamResponseChunks)?", send: `n${ENTER}` },
  { expect: "Transport (how the provider is called):", send: ENTER },
  { expect: "Add a constructor param (e.g. model, temperature)?", send: `n${ENTER}` },
  { expect: "Does the provider need a secret, such as an API key?", send: `n${ENTER}` },
];

describe("npx plop llm in an existing repo", () => {
  it("the docs page and the class example import the class from its module in the repo", () => {
    const repo = makeRepo("imports", BOTH, { folders: { class: "lib/llms", test: "lib/llms", docs: "docs" } });
    const r = plop(repo, ANSWERS);
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    const docs = readFileSync(join(repo, "docs/acme-llm.md"), "utf8");
    const code = readFileSync(join(repo, "lib/llms/acme-llm.ts"), "utf8");
    expect(docs).toContain('import { AcmeLLM } from "./lib/llms/acme-llm.js";');
    expect(docs).toContain("`AcmeLLM` is in this repo, in `lib/llms/acme-llm.ts`");
    expect(code).toContain(' * import { AcmeLLM } from "./lib/llms/acme-llm.js";');
    for (const text of [docs, code]) {
      expect(text).not.toContain("langchain-acme-llm");
      expect(text).not.toMatch(/npm install/);
    }
  });

  it("npx plop llm-update regenerates the recorded wrappers after a conventions change, keeping hand edits", () => {
    const repo = makeRepo("update", BOTH, { folders: { class: "lib/llms", test: "lib/llms", docs: "docs" } });
    expect(plop(repo, ANSWERS).status).toBe(0);
    const cls = join(repo, "lib/llms/acme-llm.ts");
    writeFileSync(cls, `${readFileSync(cls, "utf8")}\n// The team's own note.\n`);
    writeFileSync(join(repo, "custom-llm.config.json"), JSON.stringify({ folders: { class: "lib/llms", test: "lib/llms", docs: "docs" }, licenseHeader: "Copyright (c) Acme." }));
    const r = runInPty([process.execPath, PLOP, "llm-update"], [], repo, childEnv({ NO_COLOR: "1" }));
    expect(r.status, r.screen).toBe(0);
    expect(r.screen).toContain("lib/llms/acme-llm.ts");
    const text = readFileSync(cls, "utf8");
    expect(text.startsWith("/*\n * Copyright (c) Acme.\n */\n")).toBe(true);
    expect(text.endsWith("\n// The team's own note.\n")).toBe(true);
    expect(readFileSync(join(repo, "lib/llms/acme-llm.test.ts"), "utf8").startsWith("/*\n * Copyright (c) Acme.")).toBe(true);
  });

  it("a second wrapper without sharedHelpers says how to keep the helpers in one module", () => {
    const repo = makeRepo("hint", BOTH, { folders: { class: "lib/llms", test: "lib/llms", docs: "docs" } });
    const first = plop(repo, ANSWERS);
    expect(first.status).toBe(0);
    expect(first.screen).not.toContain("sharedHelpers");
    const second = plop(repo, ANSWERS.map((s) => (s.send === `AcmeLLM${ENTER}` ? { ...s, send: `BetaLLM${ENTER}` } : s)));
    expect(second.status, second.screen).toBe(0);
    expect(second.screen.replace(/\s+/g, " ")).toContain(
      'The 2 wrappers here each carry a copy of the same helpers. To keep them in one module, set "sharedHelpers": "lib/llms/llm-helpers.ts" in the repo\'s conventions (custom-llm.config.json), then run: create-custom-llm update --all',
    );
  });

  it("with sharedHelpers, a second wrapper imports the helpers module the first one wrote, and leaves it as it is", () => {
    const repo = makeRepo("shared", BOTH, { folders: { class: "lib/llms", test: "lib/llms", docs: "docs" }, sharedHelpers: "lib/llm-helpers.ts" });
    expect(plop(repo, ANSWERS).status).toBe(0);
    const module = readFileSync(join(repo, "lib/llm-helpers.ts"), "utf8");
    const second = plop(repo, ANSWERS.map((s) => (s.send === `AcmeLLM${ENTER}` ? { ...s, send: `BetaLLM${ENTER}` } : s)));
    expect(second.status, second.screen).toBe(0);
    expect(second.screen).toContain("lib/llms/beta-llm.ts");
    expect(second.screen).not.toContain("lib/llm-helpers.ts");
    expect(readFileSync(join(repo, "lib/llm-helpers.ts"), "utf8")).toBe(module);
    for (const cls of ["acme-llm", "beta-llm"]) {
      const code = readFileSync(join(repo, `lib/llms/${cls}.ts`), "utf8");
      expect(code).toContain('from "../llm-helpers.js";');
      expect(code).not.toMatch(/^function cutAtStop/m);
    }
  });

  it.each([
    ["@langchain/core and vitest", {}, ["npm install @langchain/core@^", "npm install -D vitest@^"]],
    ["vitest", { "@langchain/core": BOTH["@langchain/core"] }, ["npm install -D vitest@^"]],
  ])("a repo that does not list %s is told what to add, with the command, before the first question", (_label, deps, commands) => {
    const repo = makeRepo(`missing-${Object.keys(deps).length}`, deps);
    const before = listTree(repo);
    const r = plop(repo, [{ expect: "What kind of model?", send: CTRL_C }]);
    expect(r.status).toBe(1);
    expect(r.screen).not.toContain("What kind of model?");
    expect(r.screen).toContain("This repo's package.json does not list");
    for (const command of commands) expect(r.screen).toContain(command);
    if (!("@langchain/core" in deps)) expect(r.screen).toContain("@langchain/core (the class imports it)");
    expect(r.screen).toContain("vitest (the test imports it)");
    expect(listTree(repo)).toEqual(before);
  });

  it("the command follows the repo's lockfile", () => {
    const repo = makeRepo("pnpm", { "@langchain/core": BOTH["@langchain/core"] });
    writeFileSync(join(repo, "pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    const r = plop(repo, [{ expect: "What kind of model?", send: CTRL_C }]);
    expect(r.status).toBe(1);
    expect(r.screen).toContain("pnpm add -D vitest@^");
  });

  it("a broken override template is reported before the first question, naming it", () => {
    const repo = makeRepo("override", BOTH, { templates: "llm-templates" });
    mkdirSync(join(repo, "llm-templates/wrapper"), { recursive: true });
    cpSync(join(REPO, "test/fixtures/team-repo/llm-templates/partials"), join(repo, "llm-templates/partials"), { recursive: true });
    // A block left open: Handlebars cannot parse it.
    writeFileSync(join(repo, "llm-templates/wrapper/docs.md.hbs"), "# {{md className}}\n\n{{#if docsUrl}}\n{{> team-footer}}\n");
    const before = listTree(repo);
    const r = plop(repo, [{ expect: "What kind of model?", send: CTRL_C }]);
    expect(r.status).toBe(1);
    expect(r.screen).not.toContain("What kind of model?");
    expect(r.screen).toMatch(/override template .*llm-templates\/wrapper\/docs\.md\.hbs failed to render: Parse error/);
    expect(listTree(repo)).toEqual(before);
  });
});
