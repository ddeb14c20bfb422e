// npm run bench: the emitted chat model's overhead beside a minimal hand-written BaseChatModel subclass
// doing the same work (same pieces, the same callback call, one usage chunk), both through the real
// @langchain/core, in this one process. Targets: stream throughput >= 0.95x the hand-written one; invoke
// time <= 1.05x. Prints, asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { generateInto } from "../src/generate.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const PIECES = Array.from({ length: 2000 }, (_, i) => `tok${i} `);
// As in bench/stream.ts: ten streams per measurement, invoke timed in alternating pairs of short runs.
const STREAMS = 10;
const INVOKES = 100;
const INVOKE_PAIRS = 60;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const USAGE = { input_tokens: 3, output_tokens: PIECES.length };

interface Chat {
  stream(input: string): Promise<AsyncIterable<AIMessageChunk>>;
  invoke(input: string): Promise<AIMessageChunk>;
}

/** The provider both models read: an async stream of text pieces, as an SDK or fetch body gives, then the token counts. */
async function* provider(): AsyncGenerator<string | { usage: typeof USAGE }> {
  yield* PIECES;
  yield { usage: USAGE };
}

const withTotal = (usage: typeof USAGE) => ({
  ...usage,
  total_tokens: usage.input_tokens + usage.output_tokens,
});

/** The baseline: what a careful hand-written chat model does with that provider, and nothing more. */
class HandWritten extends BaseChatModel {
  _llmType(): string {
    return "hand";
  }
  async _generate(): Promise<ChatResult> {
    let text = "";
    let usage = USAGE;
    for await (const piece of provider()) {
      if (typeof piece === "string") text += piece;
      else usage = piece.usage;
    }
    const message = new AIMessageChunk({
      content: text,
      usage_metadata: withTotal(usage),
    });
    return { generations: [{ text, message }] };
  }
  override async *_streamResponseChunks(
    _m: BaseMessage[],
    _o: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ) {
    // The text passed as built: `message.text` is a getter that walks the content again.
    const emit = async (text: string, message: AIMessageChunk) => {
      const chunk = new ChatGenerationChunk({ text, message });
      await runManager?.handleLLMNewToken(
        text,
        undefined,
        undefined,
        undefined,
        undefined,
        { chunk },
      );
      return chunk;
    };
    for await (const piece of provider()) {
      if (typeof piece === "string")
        yield await emit(piece, new AIMessageChunk({ content: piece }));
      else
        yield await emit(
          "",
          new AIMessageChunk({
            content: "",
            usage_metadata: withTotal(piece.usage),
          }),
        );
    }
  }
}

/** Time of one stream: the mean over STREAMS streams in a row. */
async function streamMs(model: Chat): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < STREAMS; i++) {
    let n = 0;
    for await (const _chunk of await model.stream("p")) n++;
    if (n < PIECES.length)
      throw new Error(`expected ${PIECES.length} chunks or more, got ${n}`);
  }
  return (performance.now() - t) / STREAMS;
}

async function invokeMs(model: Chat, times: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < times; i++) await model.invoke("p");
  return performance.now() - t;
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(repo, ".tmp-bench-chat-"));
try {
  const spec = {
    kind: "chat",
    name: "ChatAcme",
    description: "Bench.",
    streaming: true,
    secrets: [{ name: "apiKey", env: "ACME_API_KEY", description: "Key." }],
  };
  await generateInto(join(dir, "acme"), spec);
  const { ChatAcme } = (await import(join(dir, "acme/src/chat-acme.ts"))) as {
    ChatAcme: new (f: { apiKey: string }) => Chat;
  };
  const emitted = new ChatAcme({ apiKey: "k" });
  // Filled in as a user would fill in streamProvider(): read the same provider stream.
  (
    emitted as unknown as { streamProvider: () => AsyncIterable<unknown> }
  ).streamProvider = provider;
  const hand = new HandWritten({}) as unknown as Chat;

  for (const model of [emitted, hand]) {
    await streamMs(model);
    await invokeMs(model, 20);
  }
  const s = { emitted: [] as number[], hand: [] as number[] };
  const inv = { emitted: [] as number[], hand: [] as number[] };
  const pairs = [
    ["hand", hand],
    ["emitted", emitted],
  ] as const;
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? pairs : [...pairs].reverse();
    for (const [name, model] of order) s[name].push(await streamMs(model));
  }
  for (let r = 0; r < INVOKE_PAIRS; r++) {
    const order = r % 2 === 0 ? pairs : [...pairs].reverse();
    for (const [name, model] of order)
      inv[name].push(await invokeMs(model, INVOKES));
  }
  const throughput = (ms: number) => (PIECES.length / ms) * 1000;
  const tE = throughput(median(s.emitted));
  const tH = throughput(median(s.hand));
  console.log(
    `\nchat stream: ${PIECES.length} chunks, median of ${ROUNDS}; invoke: ${INVOKE_PAIRS} pairs of ${INVOKES} calls, median`,
  );
  console.log(
    `stream throughput  hand-written ${tH.toFixed(0).padStart(8)} chunks/s   emitted ${tE.toFixed(0).padStart(8)} chunks/s   ${(tE / tH).toFixed(3)}x  (target >= 0.95x)`,
  );
  const iE = median(inv.emitted) / INVOKES;
  const iH = median(inv.hand) / INVOKES;
  const paired = median(inv.emitted.map((e, i) => e / inv.hand[i]!));
  console.log(
    `invoke time        hand-written ${(iH * 1000).toFixed(0).padStart(8)} µs/call    emitted ${(iE * 1000).toFixed(0).padStart(8)} µs/call    ${paired.toFixed(3)}x  (target <= 1.05x)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
