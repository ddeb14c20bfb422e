import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { Project } from "ts-morph";
import { afterAll, describe, expect, it } from "vitest";
import { kebabCase } from "change-case";
import { generateFiles, generateInto } from "../src/generate.js";
import { firstParagraph } from "../src/render/context.js";
import type { SpecInput } from "../src/spec/schema.js";
import { SpecError } from "../src/validate/spec-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { anySpec } from "./support/arbitraries.js";
import { runEmittedTests } from "./support/emitted-tests.js";
import { repoTempDir } from "./support/paths.js";

// A generator is trusted when nothing a user types makes it emit broken code: every spec either fails
// validation with a SpecError that names a field, or gives files that type-check and say what was written.
// Seeds that once failed are kept in REGRESSIONS below as plain cases.

/** JSDoc text back to what the user wrote: our comment and tag escapes undone, spaces folded. */
function fromJsDoc(text: string): string {
  return text
    .replace(/\*\\\//g, "*/")
    .replace(/\\@/g, "@")
    .replace(/\s+/g, " ")
    .trim();
}
/** The user's text as a JSDoc reader should see it: trimmed as the schema does, control characters shown as \uXXXX, spaces folded. */
const normalise = (text: string) =>
  text
    .trim()
    .replace(/\\@/g, "@")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\s+/g, " ")
    .trim();

const tally = { valid: 0, rejected: 0 };

async function checkSpec(spec: SpecInput): Promise<void> {
  let files;
  try {
    files = await generateFiles(spec);
    tally.valid++;
  } catch (error) {
    tally.rejected++;
    // The only acceptable failure is a validation error that points at a field and says what to do.
    expect(error).toBeInstanceOf(SpecError);
    for (const issue of (error as SpecError).issues) expect(issue.message.length).toBeGreaterThan(10);
    return;
  }
  // Valid: the class documents each field with the user's own words.
  const source = new Project({ useInMemoryFileSystem: true }).createSourceFile(
    "x.ts",
    files.find((f) => f.path === `src/${kebabCase(spec.name)}.ts`)!.contents,
  );
  const input = source.getInterfaceOrThrow(`${spec.name}Input`);
  for (const field of [...(spec.params ?? []), ...(spec.secrets ?? [])]) {
    const doc = input.getPropertyOrThrow(field.name).getJsDocs()[0]!.getDescription();
    // A param's docstring is its description's first paragraph (the docs page has it whole).
    expect(fromJsDoc(doc)).toContain(normalise("type" in field ? firstParagraph(field.description) : field.description));
  }
}

const REGRESSIONS: SpecInput[] = [
  { name: "A", description: "x", params: [{ name: "x", type: "string", description: "*/ `${x}` \u2028", default: "*/" }] },
  { name: "AcmeLLM", description: "\u0000\u001b[31m red", secrets: [{ name: "apiKey", env: "PATH", description: "shadows PATH" }] },
  // Found by the property: an @ after a space started a JSDoc tag and emptied the description.
  { name: "A", description: "!", params: [{ name: "a", type: "string", description: "@ " }] },
  // Found by the property: a secret named like a local of the constructor shadowed it.
  { name: "A", description: "!", secrets: [{ name: "rest", env: "A", description: "!" }, { name: "fields", env: "B", description: "!" }] },
  // Huge but allowed: the most params and secrets a spec may have, with the longest descriptions.
  {
    name: "HugeLLM",
    description: "d".repeat(2000),
    params: Array.from({ length: 100 }, (_, i) => ({ name: `param${i}`, type: "string" as const, description: `p${i} `.repeat(300).slice(0, 1999), default: "x".repeat(5000) })),
    secrets: Array.from({ length: 20 }, (_, i) => ({ name: `secret${i}`, env: `HUGE_SECRET_${i}`, description: "s" })),
    streaming: true,
  },
  // Found by the sample below: a param named like a call option collided with it in invocationParams().
  { name: "A2", description: "x", params: [{ name: "stop", type: "string[]", description: "d" }] },
  // Found by the property once the native compiler checked: a lone surrogate crashed its process (its JSON
  // decoder), and every check after it failed.
  { name: "A3", description: "\ud800\n *", params: [{ name: "a", type: "string", description: "x\udfff" }] },
  // Found by the property (seed -1401743256): http-json's promptField and streamField under one key made
  // one request body property twice, which did not type-check; now a SpecError names httpJson.streamField.
  {
    name: "A",
    description: "!",
    transport: "http-json",
    httpJson: { url: "https://x.example/a\"b`${c}`", promptField: "_", responsePath: "a", streamField: "_" },
    params: [{ name: "model", type: "string", description: "Model.", default: "m-1" }],
  },
  // Found by hand after the one above: two params sent under one snake_case key (topP, top_p) did not
  // type-check; now a SpecError names the second.
  {
    name: "A",
    description: "!",
    transport: "ollama",
    params: [
      { name: "model", type: "string", description: "Model.", default: "m" },
      { name: "topP", type: "number", description: "!" },
      { name: "top_p", type: "number", description: "!" },
    ],
  },
  // Found by the property (seed -615877638): `withStructuredOutput` is declared on LLM's type but not
  // defined, so the member list read from an instance missed it and the field did not type-check; the
  // list now takes the declared members too.
  { name: "A", description: "!", params: [{ name: "withStructuredOutput", type: "string", description: "\u0000" }] },
];

describe("any spec gives a clear error or code that type-checks", () => {
  it.each(REGRESSIONS.map((s, i) => [i, s] as const))("regression %i", async (_i, spec) => {
    await checkSpec(spec);
  });

  it("holds for random and hostile specs", async () => {
    await fc.assert(fc.asyncProperty(anySpec, checkSpec), { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) });
    // The property says little unless many specs got past validation to the type-checker: ~27 in 100 do.
    // 10 or fewer happens by luck about one run in 40,000 (more than 15, asserted before, failed 1 in 4,000).
    expect(tally.valid).toBeGreaterThan(10);
  });

  it("the arbitrary draws valid specs of every transport (a fixed seed, so this cannot flake)", () => {
    // Not asserted of the random run above: a transport's valid specs are ~4 in 100 there, so a run
    // without one (a CI run once) is luck. Of these 2,000 draws, each kind and transport gives 19 to 185.
    const valid = new Map<string, number>();
    for (const spec of fc.sample(anySpec, { numRuns: 2000, seed: 7 })) {
      try {
        validateSpec(spec);
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        continue;
      }
      const transport = `${spec.kind ?? "llm"} ${spec.transport ?? "custom"}`;
      valid.set(transport, (valid.get(transport) ?? 0) + 1);
    }
    expect([...valid.keys()].sort()).toEqual(["chat custom", "chat ollama", "chat openai-compatible", "llm custom", "llm http-json", "llm ollama", "llm openai-compatible"]);
    for (const [transport, n] of valid) expect(n, transport).toBeGreaterThan(15);
  });
});

describe("a sample of random valid specs", () => {
  const root = repoTempDir("property");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("emits vitest files that pass", async () => {
    const valid: SpecInput[] = [];
    // Draw until we hold a handful of valid specs with distinct class names.
    for (const spec of fc.sample(anySpec, { numRuns: 400, seed: 42 })) {
      if (valid.length === 4) break;
      if (valid.some((v) => v.name === spec.name)) continue;
      try {
        await generateInto(join(root, kebabCase(spec.name)), spec);
        valid.push(spec);
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
      }
    }
    expect(valid).toHaveLength(4);
    const results = runEmittedTests(root);
    expect(results).toHaveLength(4);
    for (const r of results) expect(r.failures, readFileSync(r.file, "utf8").slice(0, 0) + r.file).toEqual([]);
  });
});
