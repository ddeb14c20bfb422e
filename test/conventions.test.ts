import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/load-config.js";
import { generateWrapperInto } from "../src/generate.js";
import { SpecError } from "../src/validate/spec-error.js";
import { TypecheckError } from "../src/check/typecheck-error.js";
import { runEmittedTests, type EmittedTestFile } from "./support/emitted-tests.js";
import { osTempDir } from "./support/pack-repo.js";
import { REPO } from "./support/paths.js";

const FIXTURE = join(REPO, "test/fixtures/team-repo");
const HEADER = "/*\n * Copyright (c) Acme Inc.\n * SPDX-License-Identifier: Apache-2.0\n */";
const SPEC = {
  name: "Acme",
  description: "Acme's in-house model.",
  // Clashes with the config's default `region`: the spec's own entry wins.
  params: [{ name: "region", type: { enum: ["ap", "us"] }, default: "ap", description: "Region chosen for this model." }],
  streaming: true,
};

/** The fixture copied outside our repo, with node_modules of its own: nothing can resolve from ours by walking up. */
function teamRepo(): string {
  const dir = join(osTempDir("team"), "repo");
  cpSync(FIXTURE, dir, { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !relative(dir, e.parentPath).startsWith("node_modules"))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("a wrapper added to a repo with conventions", () => {
  let repo: string;
  let before: string[];
  let results: EmittedTestFile[];
  const read = (path: string) => readFileSync(join(repo, path), "utf8");

  beforeAll(async () => {
    repo = teamRepo();
    before = listFiles(repo);
    await generateWrapperInto(repo, SPEC);
    results = runEmittedTests(repo);
  });

  afterAll(() => rmSync(join(repo, ".."), { recursive: true, force: true }));

  it("writes only the class, test and docs (and the record of the generation), into the configured folders with pascal file names and the suffix", () => {
    const added = listFiles(repo).filter((f) => !before.includes(f) && !f.startsWith("vitest"));
    expect(added).toEqual([".custom-llm/AcmeLLM.json", "documentation/llms/AcmeLLM.md", "lib/llms/AcmeLLM.ts", "tests/llms/AcmeLLM.test.ts"]);
    expect(read("package.json")).toBe(readFileSync(join(FIXTURE, "package.json"), "utf8"));
    expect(read("lib/llms/AcmeLLM.ts")).toContain("export class AcmeLLM extends LLM");
  });

  it("puts the license header on top of every .ts file", () => {
    expect(read("lib/llms/AcmeLLM.ts").startsWith(HEADER)).toBe(true);
    expect(read("tests/llms/AcmeLLM.test.ts").startsWith(HEADER)).toBe(true);
  });

  it("merges the default params and secrets, the spec winning on a clash", () => {
    const code = read("lib/llms/AcmeLLM.ts");
    expect(code).toContain("teamToken");
    expect(code).toContain("ACME_TEAM_TOKEN");
    expect(code).toContain('"ap" | "us"');
    expect(code).not.toContain("per team policy");
  });

  it("renders the repo's override template, with its partials, in place of ours", () => {
    expect(read("documentation/llms/AcmeLLM.md")).toContain("Questions: #platform-llms on chat.");
    expect(read("documentation/llms/AcmeLLM.md")).toMatch(/^# AcmeLLM \(Acme internal\)/);
    expect(read("documentation/llms/AcmeLLM.md")).toContain("- `region`: Region chosen for this model.");
  });

  it("emits a test that imports the class across folders and passes, resolving the repo's own packages", () => {
    expect(results).toHaveLength(1);
    expect(results[0]?.failures).toEqual([]);
    expect(results[0]?.status).toBe("passed");
  });
});

describe("a broken override template", () => {
  it.each([
    ["does not type-check", "export const broken: number = {{str className}};\n", TypecheckError, /lib\/llms\/AcmeLLM\.ts \(rendered from override template .*llm-templates\/wrapper\/llm\.ts\.hbs\).*TS2322/],
    ["does not parse", "export const = ;\n", Error, /override template .*llm-templates\/wrapper\/llm\.ts\.hbs produced lib\/llms\/AcmeLLM\.ts, which does not parse/],
    ["does not render", "{{nope}}\n", Error, /override template .*llm-templates\/wrapper\/llm\.ts\.hbs failed to render/],
  ])("that %s names the template and writes nothing", async (_label, text, type, message) => {
    const repo = teamRepo();
    try {
      writeFileSync(join(repo, "llm-templates/wrapper/llm.ts.hbs"), text);
      const before = listFiles(repo);
      const error = await generateWrapperInto(repo, SPEC).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect((error as Error).message).toMatch(message);
      expect(listFiles(repo)).toEqual(before);
    } finally {
      rmSync(join(repo, ".."), { recursive: true, force: true });
    }
  });
});

describe("config validation", () => {
  it("lists every bad field with its fix", () => {
    const bad = { folders: { class: "../outside" }, fileNaming: "snake", classSuffix: "llm", licenseHeader: "a */ b", sharedHelpers: "lib/helpers.js", extra: 1 };
    const error = (() => {
      try {
        parseConfig(bad, FIXTURE, "custom-llm.config.json");
      } catch (e) {
        return e as SpecError;
      }
    })();
    expect(error).toBeInstanceOf(SpecError);
    expect(error?.issues.map((i) => i.path).sort()).toEqual(["classSuffix", "extra", "fileNaming", "folders.class", "licenseHeader", "sharedHelpers"]);
    expect(error?.message).toMatch(/extra: is not a known field; the fields here are /);
    expect(error?.message).toMatch(/folders\.class: must be a relative folder inside the repo/);
    expect(error?.message).toMatch(/fileNaming: must be "kebab"/);
    expect(error?.message).toMatch(/classSuffix: must be PascalCase/);
    expect(error?.message).toMatch(/licenseHeader: must not contain "\*\/"/);
    expect(error?.message).toMatch(/sharedHelpers: must be a relative path inside the repo using "\/", of a \.ts module .*e\.g\. "src\/llms\/llm-helpers\.ts"/);
  });

  it("reports a missing template override folder", () => {
    expect(() => parseConfig({ templates: "nowhere" }, FIXTURE, "custom-llm.config.json")).toThrow(/templates: folder nowhere does not exist/);
  });

  it("reads the customLlm key of package.json when there is no config file", async () => {
    const { loadConfig } = await import("../src/config/load-config.js");
    const dir = osTempDir("pkgkey");
    try {
      writeFileSync(join(dir, "package.json"), JSON.stringify({ customLlm: { fileNaming: "camel" } }));
      expect(loadConfig(dir).fileNaming).toBe("camel");
      expect(existsSync(join(dir, "custom-llm.config.json"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
