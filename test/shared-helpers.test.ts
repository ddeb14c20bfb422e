// A repo with several wrappers and a `sharedHelpers` convention: the helpers every wrapper carries (stop
// cutting, line reading, HttpError, redaction) are written once, in that module, and each class imports
// what it uses. Real files in a repo folder, the repo's own tsc and vitest, and the real `update` bin.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateWrapperInto } from "../src/generate.js";
import { helperExports, importHelpers } from "../src/render/shared-helpers.js";
import { TargetNotEmptyError } from "../src/write/write-files.js";
import { runCli } from "./support/cli.js";
import { runEmittedTests } from "./support/emitted-tests.js";
import { listTree, readTree } from "./support/files.js";
import { REPO, repoTempDir, TSC } from "./support/paths.js";

const dir = repoTempDir("shared-helpers");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODULE = "lib/shared/llm-helpers.ts";
const CONFIG = { folders: { class: "lib/llms", test: "tests", docs: "docs" }, sharedHelpers: MODULE };
const EXAMPLES = readdirSync(join(REPO, "examples")).filter((f) => f.endsWith(".json")).sort();
const example = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(REPO, "examples", file), "utf8"));
const read = (repo: string, path: string): string => readFileSync(join(repo, path), "utf8");

/** A repo with the conventions and a tsconfig stricter than the emitted package's: unused imports fail it. */
function makeRepo(name: string): string {
  const repo = join(dir, name);
  const { devDependencies: ours } = JSON.parse(read(REPO, "package.json")) as { devDependencies: Record<string, string> };
  const deps = { "@langchain/core": ours["@langchain/core"], vitest: ours.vitest };
  mkdirSync(repo, { recursive: true });
  for (const [file, value] of Object.entries({
    "package.json": { name, private: true, type: "module", devDependencies: deps },
    "custom-llm.config.json": CONFIG,
    "tsconfig.json": {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        types: ["node"],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        noUnusedLocals: true,
        verbatimModuleSyntax: true,
      },
      include: ["lib", "tests"],
    },
  })) {
    writeFileSync(join(repo, file), JSON.stringify(value, null, 2));
  }
  return repo;
}

/** Each top-level function, class or const declared in the repo's .ts files, with the files declaring it. */
function declarations(repo: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of listTree(repo).filter((f) => f.endsWith(".ts"))) {
    for (const m of read(repo, file).matchAll(/^(?:export )?(?:async )?(?:function\*?|class|const) (\w+)/gm)) {
      found.set(m[1]!, [...(found.get(m[1]!) ?? []), file]);
    }
  }
  return found;
}

describe("a repo whose wrappers share their helpers", () => {
  let repo: string;
  const written: string[][] = [];
  beforeAll(async () => {
    repo = makeRepo("all-examples");
    for (const file of EXAMPLES) written.push((await generateWrapperInto(repo, example(file))).map((f) => f.path));
  }, 120_000);

  it("declares each helper once, in the shared module, which the first wrapper writes and the others leave as it is", () => {
    const helpers = helperExports(read(repo, MODULE).replace(/^export /gm, ""));
    expect(helpers.map((h) => h.name)).toEqual(expect.arrayContaining(["stopEnd", "cutAtStop", "cutStreamAtStop", "readLines", "HttpError", "redactSecrets", "readSecret"]));
    const declared = declarations(repo);
    for (const { name, type } of helpers) if (!type) expect(declared.get(name), name).toEqual([MODULE]);
    expect(written.map((paths) => paths.includes(MODULE))).toEqual(EXAMPLES.map((_, i) => i === 0));
    for (const file of listTree(repo).filter((f) => f.startsWith("lib/llms/"))) {
      expect(read(repo, file), file).toMatch(/^import \{[^}]+\} from "\.\.\/shared\/llm-helpers\.js";$/m);
    }
  });

  it("compiles with the repo's tsc under noUnusedLocals and verbatimModuleSyntax: each class imports exactly what it uses", () => {
    const r = spawnSync(process.execPath, [TSC, "-p", repo], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("passes every emitted test with the repo's vitest", () => {
    const results = runEmittedTests(repo);
    expect(results.map((r) => r.file.slice(repo.length + 1)).sort()).toEqual(listTree(repo).filter((f) => f.endsWith(".test.ts")));
    for (const r of results) expect(r.failures, r.file).toEqual([]);
    expect(results.every((r) => r.passed > 0)).toBe(true);
  }, 300_000);
});

describe("a new wrapper beside the shared module", () => {
  const SPEC = example("openai-compatible.json");
  const OTHER = example("ollama.json");

  it("keeps an edit made to the module this version wrote: the new wrapper leaves it as it is", async () => {
    const repo = makeRepo("edited");
    await generateWrapperInto(repo, SPEC);
    writeFileSync(join(repo, MODULE), `${read(repo, MODULE)}\n// The team's note.\n`);
    const before = read(repo, MODULE);
    const files = await generateWrapperInto(repo, OTHER);
    expect(files.map((f) => f.path)).not.toContain(MODULE);
    expect(read(repo, MODULE)).toBe(before);
  });

  it("replaces a module an earlier version wrote and nobody edited", async () => {
    const repo = makeRepo("older");
    await generateWrapperInto(repo, SPEC);
    const current = read(repo, MODULE);
    const older = current.replace("export function stopEnd", "/** As an older version wrote it. */\nexport function stopEnd");
    setRecordedModule(repo, older);
    writeFileSync(join(repo, MODULE), older);
    const files = await generateWrapperInto(repo, OTHER);
    expect(files.map((f) => f.path)).toContain(MODULE);
    expect(read(repo, MODULE)).toBe(current);
  });

  it("refuses a module edited and written by another version, naming it and `update --all`, and writes nothing; --force replaces it", async () => {
    const repo = makeRepo("conflict");
    await generateWrapperInto(repo, SPEC);
    const current = read(repo, MODULE);
    setRecordedModule(repo, current.replace("export function stopEnd", "/** Older. */\nexport function stopEnd"));
    writeFileSync(join(repo, MODULE), `${current}\n// The team's note.\n`);
    const before = readTree(repo);
    const error = await generateWrapperInto(repo, OTHER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetNotEmptyError);
    expect((error as Error).message).toContain(MODULE);
    expect((error as Error).message).toContain("create-custom-llm update --all");
    expect(readTree(repo)).toEqual(before);
    await generateWrapperInto(repo, OTHER, { force: true });
    expect(read(repo, MODULE)).toBe(current);
  });

  it("refuses a class whose file would be the shared module, naming the name", async () => {
    const repo = makeRepo("clash");
    writeFileSync(join(repo, "custom-llm.config.json"), JSON.stringify({ ...CONFIG, sharedHelpers: "lib/llms/llm-helpers.ts" }));
    await expect(generateWrapperInto(repo, { ...SPEC, name: "LlmHelpers" })).rejects.toThrow(/name: its file lib\/llms\/llm-helpers\.ts is the module the repo's wrappers share/);
    expect(listTree(repo)).toEqual(["custom-llm.config.json", "package.json", "tsconfig.json"]);
  });
});

/** Makes every record say the shared module was generated as `text`: what an earlier version's records hold. */
function setRecordedModule(repo: string, text: string): void {
  for (const file of listTree(repo).filter((f) => f.startsWith(".custom-llm/"))) {
    const record = JSON.parse(read(repo, file)) as { files: Record<string, string> };
    record.files[MODULE] = text;
    writeFileSync(join(repo, file), JSON.stringify(record, null, 2));
  }
}

describe("update --all in a repo whose wrappers share their helpers", () => {
  it("merges the module once, keeping its edit and taking the new conventions, and leaves the repo compiling", async () => {
    const repo = makeRepo("update");
    for (const file of ["openai-compatible.json", "chat-ollama.json", "minimal.json"]) await generateWrapperInto(repo, example(file));
    writeFileSync(join(repo, MODULE), `${read(repo, MODULE)}\n// The team's note.\n`);
    writeFileSync(join(repo, "custom-llm.config.json"), JSON.stringify({ ...CONFIG, licenseHeader: "Copyright (c) Acme." }));
    const r = runCli(["update", "--all"], repo);
    expect(r.status, r.stderr).toBe(0);
    const module = read(repo, MODULE);
    expect(module.startsWith("/*\n * Copyright (c) Acme.\n */\n")).toBe(true);
    expect(module.endsWith("\n// The team's note.\n")).toBe(true);
    expect(module.match(/export function stopEnd/g)).toHaveLength(1);
    const tsc = spawnSync(process.execPath, [TSC, "-p", repo], { encoding: "utf8" });
    expect(tsc.stdout).toBe("");
  }, 120_000);
});

describe("turning sharedHelpers on and off, then update --all", () => {
  it("moves the helpers out of the classes into the module, keeping a hand edit, and back again, leaving the module", async () => {
    const repo = makeRepo("toggle");
    const { sharedHelpers: _on, ...off } = CONFIG;
    writeFileSync(join(repo, "custom-llm.config.json"), JSON.stringify(off));
    for (const file of ["openai-compatible.json", "chat-ollama.json"]) await generateWrapperInto(repo, example(file));
    const cls = "lib/llms/completions-llm.ts";
    writeFileSync(join(repo, cls), `${read(repo, cls)}
// The team's note.
`);
    expect(declarations(repo).get("stopEnd")).toEqual(["lib/llms/chat-local-ollama.ts", cls]);

    writeFileSync(join(repo, "custom-llm.config.json"), JSON.stringify(CONFIG));
    const on = runCli(["update", "--all"], repo);
    expect(on.status, on.stderr).toBe(0);
    expect(declarations(repo).get("stopEnd")).toEqual([MODULE]);
    expect(read(repo, cls)).toMatch(/^import \{[^}]*\bcutAtStop\b[^}]*\} from "\.\.\/shared\/llm-helpers\.js";$/m);
    expect(read(repo, cls).endsWith("\n// The team's note.\n")).toBe(true);
    expect(spawnSync(process.execPath, [TSC, "-p", repo], { encoding: "utf8" }).stdout).toBe("");

    writeFileSync(join(repo, "custom-llm.config.json"), JSON.stringify(off));
    const back = runCli(["update", "--all"], repo);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toContain(MODULE);
    expect(declarations(repo).get("stopEnd")).toEqual(["lib/llms/chat-local-ollama.ts", cls, MODULE]);
    expect(read(repo, cls)).not.toContain("llm-helpers");
    expect(spawnSync(process.execPath, [TSC, "-p", repo], { encoding: "utf8" }).stdout).toBe("");
  }, 120_000);
});

describe("importHelpers", () => {
  const exports = helperExports("function stopEnd() {}\ninterface TokenUsage {}\nclass HttpError {}\n");
  const code = 'import { x } from "y";\n\n// stopEnd is not called here: "HttpError" in a comment either.\nconst url = "http://h/" + new HttpError();\nlet u: TokenUsage;\n';

  it("imports what the code uses, types with `type`, after its last import; not what only a comment names", () => {
    expect(importHelpers(code, exports, "./h.js")).toBe(code.replace('from "y";\n', 'from "y";\nimport { type TokenUsage, HttpError } from "./h.js";\n'));
  });

  it("imports nothing the code declares itself, and adds no line when it uses none", () => {
    const own = "function stopEnd() {}\nstopEnd();\n";
    expect(importHelpers(own, exports, "./h.js")).toBe(own);
  });
});
