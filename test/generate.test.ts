import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kebabCase } from "change-case";
import { generateInto } from "../src/generate.js";
import { firstParagraph } from "../src/render/context.js";
import type { SpecInput } from "../src/spec/schema.js";
import { runEmittedTests, type EmittedTestFile } from "./support/emitted-tests.js";
import { repoTempDir, TSC } from "./support/paths.js";
import { transportOf } from "../src/transports/index.js";
import { exampleSpecs, expectedTestCount, VARIED_SPECS } from "./support/specs.js";

const cases: { label: string; spec: SpecInput }[] = [
  ...exampleSpecs().map(({ file, spec }) => ({ label: `examples/${file}`, spec })),
  ...Object.entries(VARIED_SPECS).map(([label, spec]) => ({ label, spec })),
];

let root: string;
let results: EmittedTestFile[];

// Every case generated, then every emitted test file run in one vitest child: minutes on a busy 2-core machine.
beforeAll(async () => {
  root = repoTempDir("generate");
  for (const { spec } of cases) await generateInto(join(root, kebabCase(spec.name)), spec);
  results = runEmittedTests(root);
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(cases)("generating $label", ({ spec }) => {
  const base = kebabCase(spec.name);
  const dir = () => join(root, base);

  it("writes the package files", () => {
    for (const file of [`src/${base}.ts`, `src/${base}.test.ts`, `docs/${base}.md`, "src/index.ts", "package.json", "tsconfig.json", "tsconfig.build.json", "vitest.config.ts", "README.md", ".gitignore"]) {
      expect(existsSync(join(dir(), file)), file).toBe(true);
    }
  });

  it("emits a vitest file that runs and passes", () => {
    const mine = results.filter((r) => r.file.startsWith(join(dir(), "src")));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.failures).toEqual([]);
    expect(mine[0]?.status).toBe("passed");
    expect(mine[0]?.passed).toBe(expectedTestCount(spec));
  });

  it("documents every constructor field and the class, with the text the spec gave", () => {
    const project = new Project({ useInMemoryFileSystem: true });
    const source = project.createSourceFile("x.ts", readFileSync(join(dir(), `src/${base}.ts`), "utf8"));
    const unescape = (text: string) => text.replace(/\*\\\//g, "*/").replace(/\\u2028/g, "\u2028").trim();
    const input = source.getInterfaceOrThrow(`${spec.name}Input`);
    const fields = [...(spec.params ?? []), ...(spec.secrets ?? [])];
    // The fields a transport adds (its URL, openai-compatible's modelKwargs) come after the spec's params.
    // A streaming chat model adds `streaming` first, as ChatOpenAI has it.
    const added = [...(spec.kind === "chat" && spec.streaming ? ["streaming"] : []), ...Object.keys(transportOf(spec.transport).fields)];
    expect(input.getProperties().map((p) => p.getName())).toEqual([...(spec.params ?? []).map((f) => f.name), ...added, ...(spec.secrets ?? []).map((f) => f.name)]);
    for (const name of added) expect(input.getPropertyOrThrow(name).getJsDocs()).toHaveLength(1);
    for (const field of fields) {
      const docs = input.getPropertyOrThrow(field.name).getJsDocs();
      expect(docs).toHaveLength(1);
      // A param's docstring is its description's first paragraph; the docs page has it whole.
      const text = "type" in field ? firstParagraph(field.description.trim()) : field.description.trim();
      expect(unescape(docs[0]!.getDescription())).toContain(text);
    }
    const classDoc = source.getClassOrThrow(spec.name).getJsDocs()[0]!;
    expect(unescape(classDoc.getDescription())).toContain(spec.description.trim());
    expect(classDoc.getText()).toContain("@example");
    if (spec.docsUrl) expect(unescape(classDoc.getText())).toContain(new URL(spec.docsUrl).href);
  });
});

describe("the docs page states the stop behaviour of its transport", () => {
  it.each(cases)("$label", ({ spec }) => {
    const docs = readFileSync(join(root, kebabCase(spec.name), `docs/${kebabCase(spec.name)}.md`), "utf8").replace(/\s+/g, " ");
    const transport = spec.transport ?? "custom";
    if (spec.kind === "chat") {
      expect(docs).toContain("the wrapper ends the text just after the first stop sequence, which is **included**");
      if (transport !== "custom") {
        expect(docs).toContain("ends the text **before** the first stop sequence");
        expect(docs).toContain(transport === "ollama" ? "`@langchain/ollama`'s `ChatOllama`" : "`@langchain/openai`'s `ChatOpenAI`");
      }
    } else if (transport === "openai-compatible" || transport === "ollama") {
      expect(docs).toContain("ends the text **before** the first stop sequence");
      expect(docs).toContain(transport === "ollama" ? "`@langchain/ollama`'s `Ollama`" : "`@langchain/openai`'s `OpenAI`");
      expect(docs).toContain("If a server ignores `stop`, the wrapper cuts the text itself");
    } else if (transport === "http-json" && spec.httpJson?.stopField) {
      expect(docs).toContain(`\`stop\` is sent to the server as \`${spec.httpJson.stopField}\``);
    } else {
      expect(docs).toMatch(/the stop sequence itself is \*\*included\*\*|the stop sequence is \*\*included\*\*/);
    }
  });
});

describe("the emitted package", () => {
  it("type-checks with its own tsconfig under the real tsc, in every case", () => {
    // One `tsc -b` checks each package with its own tsconfig, as `tsc -p` would, in one process.
    const result = spawnSync(TSC, ["-b", "--pretty", "false", ...cases.map(({ spec }) => kebabCase(spec.name))], { cwd: root, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
