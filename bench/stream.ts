// npm run bench: the emitted wrapper's overhead beside a minimal hand-written LLM subclass doing the same
// work (same pieces, same callback call), both through the real @langchain/core, in this one process.
// Targets: stream throughput >= 0.95x the hand-written one; invoke time <= 1.05x. Prints, asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { LLM } from "@langchain/core/language_models/llms";
import { GenerationChunk } from "@langchain/core/outputs";
import { generateInto } from "../src/generate.js";
import { compareWithHandWritten } from "./ab.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const PIECES = Array.from({ length: 2000 }, (_, i) => `tok${i} `);
interface Runnable {
  stream(prompt: string): Promise<AsyncIterable<string>>;
  invoke(prompt: string): Promise<string>;
}

/** The provider both wrappers read: an async stream of pieces, as an SDK or fetch body gives. */
async function* provider(): AsyncGenerator<string> {
  yield* PIECES;
}

/** The baseline: what a careful hand-written wrapper does with that provider, and nothing more. */
class HandWritten extends LLM {
  _llmType(): string {
    return "hand";
  }
  async _call(): Promise<string> {
    let text = "";
    for await (const piece of provider()) text += piece;
    return text;
  }
  override async *_streamResponseChunks(_p: string, _o: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun) {
    for await (const text of provider()) {
      const chunk = new GenerationChunk({ text });
      await runManager?.handleLLMNewToken(text, undefined, undefined, undefined, undefined, { chunk });
      yield chunk;
    }
  }
}

const dir = mkdtempSync(join(repo, ".tmp-bench-stream-"));
try {
  await generateInto(join(dir, "acme"), { name: "AcmeLLM", description: "Bench.", streaming: true, secrets: [{ name: "apiKey", env: "ACME_API_KEY", description: "Key." }] });
  // The emitted class, with only the provider method filled in: yield the same pieces.
  const { AcmeLLM } = (await import(join(dir, "acme/src/acme-llm.ts"))) as { AcmeLLM: new (f: { apiKey: string }) => Runnable };
  const emitted = new AcmeLLM({ apiKey: "k" });
  // Filled in as a user would fill in streamProvider(): read the same provider stream.
  (emitted as unknown as { streamProvider: () => AsyncIterable<string> }).streamProvider = provider;
  const hand = new HandWritten({}) as unknown as Runnable;

  await compareWithHandWritten("emitted LLM", emitted, hand, PIECES.length);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
