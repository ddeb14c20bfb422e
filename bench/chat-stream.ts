// npm run bench: the emitted chat model's overhead beside a minimal hand-written BaseChatModel subclass
// doing the same work (same pieces, the same callback call, one usage chunk), both through the real
// @langchain/core, in this one process. Targets: stream throughput >= 0.95x the hand-written one; invoke
// time <= 1.05x. Prints, asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { generateInto } from "../src/generate.js";
import { compareWithHandWritten } from "./ab.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const PIECES = Array.from({ length: 2000 }, (_, i) => `tok${i} `);
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

  await compareWithHandWritten("emitted chat model", emitted, hand, PIECES.length);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
