// npm run bench: the openai-compatible wrapper's stream parsing, @langchain/core's event-stream parser
// (what the template emits) beside the hand-written line splitter it replaced, each inside the real
// emitted class, streaming the same Server-Sent Events body. Prints ratios, asserts nothing.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateInto } from "../src/generate.js";
import { median } from "./measure.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const EVENTS = 2000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
/** Read sizes: a typical network read, and a small one that splits most events across reads. */
const READS = [1024, 64];

/** The parser the template emitted before: lines split by hand, events gathered from `data:` lines. */
const HAND_WRITTEN = `
async function* readLines(body: ReadableStream<Uint8Array> | null): AsyncGenerator<string> {
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffered.split("\\n");
      buffered = done ? "" : (lines.pop() ?? "");
      for (const line of lines) yield line.endsWith("\\r") ? line.slice(0, -1) : line;
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

async function* streamText(body: ReadableStream<Uint8Array> | null): AsyncGenerator<string> {
  let data: string[] = [];
  for await (const line of readLines(body)) {
    if (line.startsWith("data:")) data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
    if (line !== "" || data.length === 0) continue;
    const payload = data.join("\\n");
    data = [];
    if (payload === "[DONE]") return;
    const event: unknown = JSON.parse(payload);
    throwIfStreamError(event);
    const text = readPath(event, ["choices", "0", "text"]);
    if (typeof text === "string" && text.length > 0) yield text;
  }
}
{{/if}}
`;

const spec = JSON.parse(readFileSync(join(repo, "examples/openai-compatible.json"), "utf8"));
const event = (text: string) => `data: ${JSON.stringify({ id: "cmpl-1", object: "text_completion", created: 1, model: "m", choices: [{ text, index: 0, logprobs: null, finish_reason: null }] })}\n\n`;
const body = new TextEncoder().encode(Array.from({ length: EVENTS }, (_, i) => event(`tok${i} `)).join("") + "data: [DONE]\n\n");

let readSize = READS[0]!;
// A bench process, not a library: the emitted classes call the global fetch, answered here from memory.
globalThis.fetch = async () =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += readSize) controller.enqueue(body.subarray(i, i + readSize));
        controller.close();
      },
    }),
    { status: 200, headers: { "content-type": "text/event-stream" } },
  );

interface Streaming {
  stream(prompt: string): Promise<AsyncIterable<string>>;
}

const dir = mkdtempSync(join(repo, ".tmp-bench-sse-"));
try {
  // The same class, its template's stream parser swapped for the hand-written one.
  const templates = join(dir, "templates");
  cpSync(join(repo, "templates"), templates, { recursive: true });
  const partial = join(templates, "partials/transport/openai-compatible.hbs");
  const text = readFileSync(partial, "utf8");
  writeFileSync(partial, text.slice(0, text.indexOf("{{#if streaming}}")) + "{{#if streaming}}\n" + HAND_WRITTEN);
  const load = async (name: string, templatesDir?: string): Promise<Streaming> => {
    await generateInto(join(dir, name), spec, { templatesDir });
    const module = (await import(join(dir, name, "src/completions-llm.ts"))) as Record<string, new (f: object) => Streaming>;
    return new module.CompletionsLLM!({ apiKey: "k", baseUrl: "http://127.0.0.1:9/v1" });
  };
  const core = await load("core");
  const hand = await load("hand", templates);

  const streamMs = async (llm: Streaming): Promise<number> => {
    const t = performance.now();
    let n = 0;
    for await (const _chunk of await llm.stream("p")) n++;
    if (n !== EVENTS) throw new Error(`expected ${EVENTS} chunks, got ${n}`);
    return performance.now() - t;
  };
  console.log(`\nSSE parsing in the openai-compatible wrapper: ${EVENTS} events, median of ${ROUNDS} alternating rounds`);
  for (const size of READS) {
    readSize = size;
    for (const llm of [core, hand]) await streamMs(llm);
    const times = { core: [] as number[], hand: [] as number[] };
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (["hand", "core"] as const) : (["core", "hand"] as const);
      for (const name of order) times[name].push(await streamMs(name === "core" ? core : hand));
    }
    const rate = (ms: number) => (EVENTS / ms) * 1000;
    const c = rate(median(times.core));
    const h = rate(median(times.hand));
    console.log(`reads of ${String(size).padStart(4)} bytes   hand-written ${h.toFixed(0).padStart(7)} events/s   @langchain/core ${c.toFixed(0).padStart(7)} events/s   ${(c / h).toFixed(3)}x`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
