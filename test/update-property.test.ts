// Update against fresh generation, over random valid specs: with nothing edited, generating spec A and
// updating it to spec B gives exactly the files of generating B; with a hand edit in the provider body,
// it gives those files with the edit in place. Through the library, in this process: the bin's runs are
// tested in update.test.ts, and each property run here is four generations.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { kebabCase } from "change-case";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { generateInto } from "../src/generate.js";
import type { SpecInput } from "../src/spec/schema.js";
import { updateWrapper } from "../src/update/update-wrapper.js";
import { SpecError } from "../src/validate/spec-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { anySpec } from "./support/arbitraries.js";
import { readTree } from "./support/files.js";
import { repoTempDir } from "./support/paths.js";

const root = repoTempDir("update-property");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const isValid = (spec: SpecInput): boolean => {
  try {
    validateSpec(spec);
    return true;
  } catch (error) {
    if (error instanceof SpecError) return false;
    throw error;
  }
};
const validSpec = anySpec.filter(isValid);
/** B takes A's class name: update keeps a wrapper's name. With `sameShape`, also A's kind, streaming and (custom) transport. */
function secondSpec(a: SpecInput, b: SpecInput, sameShape: boolean): SpecInput {
  if (!sameShape) return { ...b, name: a.name };
  const { baseUrl: _url, httpJson: _http, ...rest } = b as SpecInput & { baseUrl?: unknown; httpJson?: unknown };
  return { ...rest, name: a.name, kind: a.kind, streaming: a.streaming, transport: "custom" };
}

const EDIT = "// A hand edit in the provider body: every update keeps it.";
/** Puts EDIT on the line before the provider stub's `throw`, as a user filling in the call would start. */
function withEdit(text: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((line, i) => /^\s*throw new Error\($/.test(line) && /\(\) is not implemented yet/.test(lines[i + 1] ?? ""));
  const inline = lines.findIndex((line) => /^\s*throw new Error\(".*\(\) is not implemented yet/.test(line));
  const where = at === -1 ? inline : at;
  expect(where, "the provider stub's throw").toBeGreaterThan(-1);
  lines.splice(where, 0, `${/^\s*/.exec(lines[where]!)![0]}${EDIT}`);
  return lines.join("\n");
}

let run = 0;
const RUNS = 4;

describe("update over random valid specs", () => {
  it("with nothing edited, generating A then updating to B writes exactly what generating B writes", async () => {
    await fc.assert(
      fc.asyncProperty(validSpec, validSpec, async (a, drawn) => {
        const b = secondSpec(a, drawn, false);
        fc.pre(isValid(b));
        const n = run++;
        const updated = join(root, `updated-${n}`);
        const fresh = join(root, `fresh-${n}`);
        await generateInto(updated, a);
        const result = await updateWrapper(updated, { spec: b });
        expect(result.conflicts).toEqual([]);
        expect(result.diagnostics).toEqual([]);
        await generateInto(fresh, b);
        expect(readTree(updated)).toEqual(readTree(fresh));
      }),
      { numRuns: RUNS, seed: 21, endOnFailure: true },
    );
  }, 240_000);

  it("with a hand edit in the provider body, the update is the fresh generation of B with the edit in place", async () => {
    const customSpec = validSpec.filter((s) => (s.transport ?? "custom") === "custom");
    await fc.assert(
      fc.asyncProperty(customSpec, validSpec, async (a, drawn) => {
        const b = secondSpec(a, drawn, true);
        fc.pre(isValid(b));
        const n = run++;
        const edited = join(root, `edited-${n}`);
        const fresh = join(root, `fresh-${n}`);
        await generateInto(edited, a);
        const cls = `src/${kebabCase(a.name)}.ts`;
        writeFileSync(join(edited, cls), withEdit(readFileSync(join(edited, cls), "utf8")));
        const result = await updateWrapper(edited, { spec: b });
        expect(result.conflicts).toEqual([]);
        expect(result.diagnostics).toEqual([]);
        await generateInto(fresh, b);
        const expected = readTree(fresh);
        expected[cls] = withEdit(expected[cls]!);
        expect(readTree(edited)).toEqual(expected);
      }),
      { numRuns: RUNS, seed: 2121, endOnFailure: true },
    );
  }, 240_000);
});

