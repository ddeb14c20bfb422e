import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { renderSpec } from "../src/generate.js";
import { loadConfig } from "../src/config/load-config.js";
import { formatFiles, PRINT_WIDTH } from "../src/render/format.js";
import { reduceForPrettier } from "../src/render/pieces/pieces.js";
import { keyOf, MARKDOWN_MARKERS, reduce, TS_MARKERS, type PieceMemo } from "../src/render/pieces/reduce.js";
import { loadSeed, prettierVersion, seedPath } from "../src/render/pieces/seed.js";
import { fenced, splitMarkdown, tsFences } from "../src/render/pieces/split-markdown.js";
import { SpecError } from "../src/validate/spec-error.js";
import type { GeneratedFile } from "../src/render/render.js";
import { anySpec } from "./support/arbitraries.js";
import { recordImports, runCli } from "./support/cli.js";
import { readTree } from "./support/files.js";
import { REPO, repoTempDir } from "./support/paths.js";
import { exampleSpecs, VARIED_SPECS } from "./support/specs.js";

// Formatting by pieces (src/render/pieces) must give exactly what prettier gives for the whole file, or
// the emitted package's `npm run lint` (prettier --check) fails. Every spec shape we emit is held to that,
// with the seed's pieces as placeholders and with every piece fenced and learnt (how the seed is built),
// and the pieces learnt from one spec are then used on another.

const PARSERS: Record<string, string> = { ts: "babel-ts", md: "markdown" };
const parserOf = (f: GeneratedFile) => PARSERS[f.path.split(".").pop() ?? ""];
const whole = (text: string, parser: string) => prettier.format(text, { parser, printWidth: PRINT_WIDTH });

/** Prettier's output for `file` by pieces with `memo` (learning into it), or undefined if it was not split. */
async function byPieces(file: GeneratedFile, parser: string, learnInto?: PieceMemo): Promise<string | undefined> {
  // A Markdown file's TypeScript fences are formatted as TypeScript first, as formatFiles does.
  const fences = parser === "markdown" ? tsFences(file.contents) : [];
  const known = new Map(await Promise.all(fences.map(async (f) => [f.key, fenced(f, await whole(f.code, "babel-ts"))] as const)));
  const reduced = await reduceForPrettier(file.contents, parser, PRINT_WIDTH, learnInto, known);
  if (!reduced) return undefined;
  const assembled = reduced.assemble(await whole(reduced.text, parser));
  // Our own templates' output always comes back together: a fallback to the whole file would hide a
  // broken split behind a correct, slower result.
  expect(assembled, `${file.path}: the formatted pieces did not come back together`).toBeDefined();
  return assembled;
}

/** Every .ts and .md file of `files` formats by pieces exactly as whole, with the seed and learning. */
async function expectSameAsWhole(files: readonly GeneratedFile[], learnt: Map<string, string>): Promise<number> {
  let split = 0;
  for (const file of files) {
    const parser = parserOf(file);
    if (!parser) continue;
    const expected = await whole(file.contents, parser);
    const seeded = await byPieces(file, parser);
    const learning = await byPieces(file, parser, { get: (k) => learnt.get(k), set: (k, v) => learnt.set(k, v) });
    if (seeded !== undefined) expect(seeded, file.path).toBe(expected);
    if (learning !== undefined) expect(learning, file.path).toBe(expected);
    if (seeded !== undefined) split++;
  }
  return split;
}

const learntAcross = new Map<string, string>();
const cases: [string, GeneratedFile[]][] = [
  ...exampleSpecs().map(({ file, spec }) => [file, renderSpec(spec)] as [string, GeneratedFile[]]),
  ...Object.entries(VARIED_SPECS).map(([name, spec]) => [name, renderSpec(spec)] as [string, GeneratedFile[]]),
  // A repo's conventions: a license header on top of each file, its own folders and names.
  ["team-repo wrapper", renderSpec({ name: "Acme", description: "Team wrapper.", streaming: true }, { config: loadConfig(join(REPO, "test/fixtures/team-repo")) })],
  // The longest class name allowed: its describe() and import lines are the longest we emit.
  ["longest name", renderSpec({ name: `L${"o".repeat(58)}ngLLM`, description: "x", streaming: true, transport: "ollama", params: [{ name: "model", type: "string", description: "m", default: "m" }] })],
];

describe("formatting by pieces gives prettier's output for the whole file", () => {
  it.each(cases)("%s", async (_name, files) => {
    // The class, its test and the docs page at least are split (not formatted whole as a fallback).
    expect(await expectSameAsWhole(files, learntAcross)).toBeGreaterThanOrEqual(3);
  });

  it("holds for random and hostile specs", async () => {
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(anySpec, async (spec) => {
        let files: GeneratedFile[];
        try {
          files = renderSpec(spec);
        } catch (error) {
          if (error instanceof SpecError) return;
          throw error;
        }
        valid++;
        await expectSameAsWhole(files, learntAcross);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
    // ~31 % of the arbitrary's specs are valid: 18 of 60 on average. More than 10 failed one run in 100
    // by luck alone; 4 or fewer happens one run in 160,000.
    expect(valid).toBeGreaterThan(4);
  });

  it.each(cases)("formatFiles, which uses them, gives the same files as prettier whole: %s", async (_name, files) => {
    const formatted = await formatFiles(files);
    for (const [i, file] of files.entries()) {
      const parser = parserOf(file);
      if (parser) expect(formatted[i]!.contents, file.path).toBe(await whole(file.contents, parser));
    }
  });
});

describe("the split", () => {
  const noMemo: PieceMemo = { get: () => undefined, set: () => undefined };
  it("keeps a class body whole when a comment follows its opening brace on its line", async () => {
    const text = "class A { // why\n  x = 1;\n}\n";
    const reduced = await reduceForPrettier(text, "babel-ts", PRINT_WIDTH, noMemo);
    // The class is fenced as one top-level piece; nothing is put between its lines.
    expect(reduced?.text).toMatch(/^ccl[0-9a-f]+zs0;\nclass A \{ \/\/ why\n  x = 1;\n\}\nccl[0-9a-f]+ze0;\n$/);
    expect(reduced?.assemble(await whole(reduced.text, "babel-ts"))).toBe(await whole(text, "babel-ts"));
  });

  it.each([
    ["two statements on one line", "const a = 1; const b = 2;\n"],
    ["a comment after the last statement", "const a = 1;\n// the end\n"],
  ])("keeps a file whole when it has %s", async (_what, text) => {
    expect(await reduceForPrettier(text, "babel-ts", PRINT_WIDTH, noMemo)).toBeUndefined();
  });

  it("does not split TypeScript that does not parse: prettier reports it whole", async () => {
    expect(await reduceForPrettier("const = ;\n", "babel-ts", PRINT_WIDTH)).toBeUndefined();
  });

  const markdownKeptWhole = {
    "an HTML block (it may span blank lines)": "# A\n\n<!--\n\nnote\n-->\n",
    "two lists in a row (their bullets alternate)": "- a\n\n* b\n",
    "an indented block (code, or a list item's paragraph)": "- a\n\n  more of a\n",
    "a footnote": "Text[^1].\n\n[^1]: The note.\n",
    "front matter": "---\ntitle: x\n---\n\n# A\n",
  };
  it.each(Object.entries(markdownKeptWhole))("keeps Markdown whole when it has %s", (_what, text) => {
    expect(splitMarkdown(text)).toBeUndefined();
  });

  it("keeps a fenced code block with blank lines in it as one Markdown piece", () => {
    const text = "# A\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nEnd.\n";
    expect(splitMarkdown(text)?.map((p) => text.slice(p.start, p.end))).toEqual(["# A", "```ts\nconst a = 1;\n\nconst b = 2;\n```", "End."]);
  });

  it("gives up (the caller formats whole) when a remembered piece would land at another indentation", async () => {
    const text = "function f() {\n  g();\n}\n";
    const key = keyOf("block", 1, "g();");
    // Remembered at the top level, so with no indentation: wrong inside a function body.
    const memo: PieceMemo = { get: (k) => (k === key ? "g();" : undefined), set: () => undefined };
    const reduced = await reduceForPrettier(text, "babel-ts", PRINT_WIDTH, memo);
    expect(reduced?.text).toMatch(/p\d+;/);
    expect(reduced?.assemble(await whole(reduced.text, "babel-ts"))).toBeUndefined();
  });

  it("gives a run of remembered neighbours one placeholder, with the blank lines prettier keeps between them", () => {
    const text = "a();\n\n\nb();\nc();\nd();\n";
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, key: keyOf("program", 0, s) });
    const memo: PieceMemo = { get: (k) => (k === keyOf("program", 0, "d();") ? undefined : k.split("\0")[1]), set: () => undefined };
    const reduced = reduce(text, ["a();", "b();", "c();", "d();"].map(at), memo, "cclz", TS_MARKERS, false);
    expect(reduced.text).toBe("cclzp0;\nd();\n");
    expect(reduced.assemble(reduced.text)).toBe("a();\n\nb();\nc();\nd();\n");
  });

  it("gives up when prettier's output lost a marker", () => {
    const text = "a();\n\nb();\n";
    const pieces = [
      { start: 0, end: 4, key: keyOf("program", 0, "a();") },
      { start: 6, end: 10, key: keyOf("program", 0, "b();") },
    ];
    const reduced = reduce(text, pieces, noMemo, "cclz", TS_MARKERS, true);
    expect(reduced.text).toBe("cclzs0;\na();\ncclze0;\n\ncclzs1;\nb();\ncclze1;\n");
    expect(reduced.assemble(reduced.text)).toBe(text);
    expect(reduced.assemble(reduced.text.replace("cclze1;\n", ""))).toBeUndefined();
  });

  it("formats TypeScript fences of three backticks and a bare language as TypeScript, and no other block", () => {
    const blocks = [
      "```typescript\nconst a   = 1\n```",
      "```ts\nf( )\n```",
      "```ts title\nf( )\n```", // meta after the language
      "````ts\nf( )\n````", // four backticks
      "```ts\nconst s = `\n```\n`;\n```", // a fence inside: prettier would use more backticks
      "```js\nf( )\n```",
      "```ts\n\n```", // no code
    ];
    const text = `${blocks.join("\n\n")}\n`;
    expect(tsFences(text).map((f) => [f.lang, f.code])).toEqual([["typescript", "const a   = 1"], ["ts", "f( )"]]);
    expect(fenced(tsFences(text)[0]!, "const a = 1;\n")).toBe("```typescript\nconst a = 1;\n```");
  });

  it("leaves a TypeScript fence that does not parse to prettier, which prints it as it is", async () => {
    const files: GeneratedFile[] = [{ path: "docs/x.md", contents: "# X\n\n```ts\nconst = ;\n```\n\n```ts\nconst a   = 1\n```\n" }];
    const [formatted] = await formatFiles(files);
    expect(formatted!.contents).toBe(await whole(files[0]!.contents, "markdown"));
    expect(formatted!.contents).toContain("const = ;\n");
    expect(formatted!.contents).toContain("const a = 1;\n");
  });

  it("takes Markdown fences apart with the blank lines they added", () => {
    const text = "# A\n\nSome text.\n";
    const reduced = reduce(text, splitMarkdown(text)!, noMemo, "cclz", MARKDOWN_MARKERS, true);
    expect(reduced.text).toBe("cclzs0\n\n# A\n\ncclze0\n\ncclzs1\n\nSome text.\n\ncclze1\n");
    expect(reduced.assemble(reduced.text)).toBe(text);
  });

  it("does not split a file that holds the marker word: no spec can make a piece look like a marker", async () => {
    const first = await reduceForPrettier("a();\n", "babel-ts", PRINT_WIDTH, noMemo);
    const tag = /^(ccl[0-9a-f]+z)s0;/.exec(first!.text)![1]!;
    expect(await reduceForPrettier(`${tag}s0;\n`, "babel-ts", PRINT_WIDTH, noMemo)).toBeUndefined();
  });
});

describe("the seed built with the package", () => {
  const dir = mkdtempSync(join(tmpdir(), "ccl-seed-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("holds only pieces no spec reaches, each formatted by the prettier in use", async () => {
    const seed = JSON.parse(readFileSync(seedPath(), "utf8")) as { prettier: string; printWidth: number; pieces: Record<string, string> };
    expect(seed.prettier).toBe(prettierVersion());
    expect(seed.printWidth).toBe(PRINT_WIDTH);
    const entries = Object.entries(seed.pieces);
    expect(entries.length).toBeGreaterThan(100);
    // The two families it is built from differ in every name and text: neither word can be in a piece.
    for (const [key, formatted] of entries) expect(`${key}${formatted}`).not.toMatch(/quokka|wombat/i);
    // Each entry is prettier's output for its text, checked here on a sample of TypeScript statements.
    const statements = entries.filter(([key]) => key.startsWith("program0\0")).slice(0, 20);
    for (const [key, formatted] of statements) expect(await whole(key.split("\0")[1]!, "babel-ts")).toBe(`${formatted}\n`);
  });

  it("is not used when it was made by another prettier or for another print width", () => {
    const file = join(dir, "seed.json");
    writeFileSync(file, JSON.stringify({ prettier: "0.0.1", printWidth: PRINT_WIDTH, pieces: { k: "v" } }));
    expect(loadSeed(PRINT_WIDTH, file).size).toBe(0);
    writeFileSync(file, JSON.stringify({ prettier: prettierVersion(), printWidth: PRINT_WIDTH, pieces: { k: "v" } }));
    expect(loadSeed(PRINT_WIDTH, file).get("k")).toBe("v");
    expect(loadSeed(PRINT_WIDTH + 1, file).size).toBe(0);
    writeFileSync(file, "{ not json");
    expect(loadSeed(PRINT_WIDTH, file).size).toBe(0);
  });
});

describe("without oxc-parser (no native binary for this platform), which the split parses with", () => {
  const dir = repoTempDir("no-oxc");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the CLI formats every file whole, and writes the same files", () => {
    const spec = ["--spec", join(REPO, "examples/ollama.json")];
    const seen = recordImports(join(dir, "with.txt"));
    const normal = runCli([...spec, join(dir, "with")], dir, seen.env, seen.nodeArgs);
    const unseen = recordImports(join(dir, "without.txt"));
    const hide = ["--import", join(REPO, "test/support/hide-native.mjs")];
    const hidden = runCli([...spec, join(dir, "without")], dir, { ...unseen.env, HIDE_MODULES: "oxc-parser" }, [...hide, ...unseen.nodeArgs]);
    expect([normal.status, normal.stderr, hidden.status, hidden.stderr]).toEqual([0, "", 0, ""]);
    const oxc = (urls: string[]) => urls.some((url) => url.includes("/node_modules/oxc-parser/"));
    expect(oxc(seen.read())).toBe(true);
    expect(oxc(unseen.read())).toBe(false);
    expect(readTree(join(dir, "without"))).toEqual(readTree(join(dir, "with")));
  });
});
