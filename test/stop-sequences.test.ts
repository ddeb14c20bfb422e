import { rmSync } from "node:fs";
import { join } from "node:path";
import { kebabCase } from "change-case";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInto } from "../src/generate.js";
import { repoTempDir } from "./support/paths.js";

// The emitted stop handling, run for real: a streaming and a non-streaming wrapper are generated, imported,
// and fed random text in random pieces. Oracle: the text ends just after the first stop sequence to complete.

interface Wrapper {
  invoke(prompt: string, options?: { stop?: string[] }): Promise<string>;
  stream(prompt: string, options?: { stop?: string[] }): Promise<AsyncIterable<string>>;
}
/** A subclass whose provider sends `pieces` and counts how many were read. */
type FakeFactory = (pieces: string[]) => Wrapper & { pulled: number };

function oracle(text: string, stop: string[]): string {
  let end = -1;
  for (const s of stop.filter((s) => s.length > 0)) {
    const at = text.indexOf(s);
    if (at !== -1 && (end === -1 || at + s.length < end)) end = at + s.length;
  }
  return end === -1 ? text : text.slice(0, end);
}

/** How many pieces a reader must take before the first stop sequence is complete. */
function piecesNeeded(pieces: string[], stop: string[]): number {
  let text = "";
  for (let i = 0; i < pieces.length; i++) {
    text += pieces[i];
    if (oracle(text, stop) !== text || stop.some((s) => s.length > 0 && text.endsWith(s))) return i + 1;
  }
  return pieces.length;
}

const root = repoTempDir("stop");
let streaming: FakeFactory;
let plain: FakeFactory;

async function load(name: string, isStreaming: boolean): Promise<FakeFactory> {
  const dir = join(root, name);
  await generateInto(dir, { name, description: "Stop tests.", streaming: isStreaming });
  // The emitted class, imported as a user's code would; typed loosely because it is generated at run time.
  const mod = (await import(join(dir, `src/${kebabCase(name)}.ts`))) as Record<string, new () => object>;
  const Base = mod[name]!;
  const method = isStreaming ? "streamProvider" : "callProvider";
  return (pieces) => {
    const llm = new Base() as Wrapper & { pulled: number } & Record<string, unknown>;
    llm.pulled = 0;
    llm[method] = isStreaming
      ? async function* () {
          for (const piece of pieces) {
            llm.pulled++;
            yield piece;
          }
        }
      : async () => pieces.join("");
    return llm;
  };
}

beforeAll(async () => {
  streaming = await load("StopStreamLLM", true);
  plain = await load("StopPlainLLM", false);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const alphabet = fc.constantFrom("a", "b", ".", "\n", "é", "🚀");
const textPieces = fc.array(fc.array(alphabet, { maxLength: 4 }).map((c) => c.join("")), { maxLength: 8 });
const stops = fc.array(fc.array(alphabet, { minLength: 0, maxLength: 3 }).map((c) => c.join("")), { maxLength: 3 });

describe("emitted stop handling", () => {
  it("invoke and stream both end just after the first stop sequence, and agree", async () => {
    await fc.assert(
      fc.asyncProperty(textPieces, stops, async (pieces, stop) => {
        const expected = oracle(pieces.join(""), stop);
        await expect(plain(pieces).invoke("p", { stop })).resolves.toBe(expected);
        await expect(streaming(pieces).invoke("p", { stop })).resolves.toBe(expected);
        const llm = streaming(pieces);
        let joined = "";
        for await (const chunk of await llm.stream("p", { stop })) joined += chunk;
        expect(joined).toBe(expected);
        // It stops reading the provider once a stop sequence is complete.
        expect(llm.pulled).toBe(piecesNeeded(pieces, stop));
      }),
      { numRuns: 300 },
    );
  });

  it("the oracle itself cuts after the earliest-ending match", () => {
    expect(oracle("abcd", ["bcd", "c"])).toBe("abc");
    expect(oracle("abcd", ["", "x"])).toBe("abcd");
    expect(oracle("a.b.", ["."])).toBe("a.");
  });
});
