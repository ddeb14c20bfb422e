// The emitted wrapper beside a hand-written subclass doing the same work, in one process: what
// bench/stream.ts (LLM) and bench/chat-stream.ts (chat model) share. Prints and records; asserts nothing.
import { performance } from "node:perf_hooks";
import { median, record } from "./measure.js";

/** What both sides are driven through: LangChain's own `stream` and `invoke`. */
export interface Model {
  stream(input: string): Promise<AsyncIterable<unknown>>;
  invoke(input: string): Promise<unknown>;
}

// Streams per measurement: one stream of 2,000 chunks takes ~8 ms, short enough that a GC pause swung the
// ratio by ±6 %; ten (~80 ms) hold it within ~1 %.
const STREAMS = 10;
// Invoke is timed in short pairs, hand-written then emitted or the other way round, 100 calls each: with
// long rounds the ratio swung between 0.95x and 1.17x from run to run, as the machine's speed moved under
// one side's round. The median of the pairs' ratios follows the overhead.
const INVOKES = 100;
const INVOKE_PAIRS = 60;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/** Time of one stream: the mean over STREAMS streams in a row, each checked to give `chunks` chunks. */
async function streamMs(model: Model, chunks: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < STREAMS; i++) {
    let n = 0;
    for await (const _chunk of await model.stream("p")) n++;
    if (n < chunks) throw new Error(`expected ${chunks} chunks, got ${n}`);
  }
  return (performance.now() - t) / STREAMS;
}

async function invokeMs(model: Model, times: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < times; i++) await model.invoke("p");
  return performance.now() - t;
}

/**
 * Streams `chunks` chunks and invokes through both, alternating which goes first so that drift in the
 * machine's load, GC and JIT state hit both alike; prints and records the two ratios under `what`.
 */
export async function compareWithHandWritten(what: string, emitted: Model, hand: Model, chunks: number): Promise<void> {
  for (const model of [emitted, hand]) {
    await streamMs(model, chunks);
    await invokeMs(model, 20);
  }
  const s = { emitted: [] as number[], hand: [] as number[] };
  const inv = { emitted: [] as number[], hand: [] as number[] };
  const pairs = [["hand", hand], ["emitted", emitted]] as const;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, model] of r % 2 === 0 ? pairs : [...pairs].reverse()) s[name].push(await streamMs(model, chunks));
  }
  for (let r = 0; r < INVOKE_PAIRS; r++) {
    for (const [name, model] of r % 2 === 0 ? pairs : [...pairs].reverse()) inv[name].push(await invokeMs(model, INVOKES));
  }
  const throughput = (ms: number) => (chunks / ms) * 1000;
  const tE = throughput(median(s.emitted));
  const tH = throughput(median(s.hand));
  const iE = median(inv.emitted) / INVOKES;
  const iH = median(inv.hand) / INVOKES;
  const paired = median(inv.emitted.map((e, i) => e / inv.hand[i]!));
  console.log(`\n${what}: stream of ${chunks} chunks, median of ${ROUNDS}; invoke: ${INVOKE_PAIRS} pairs of ${INVOKES} calls, median`);
  console.log(`stream throughput  hand-written ${tH.toFixed(0).padStart(8)} chunks/s   emitted ${tE.toFixed(0).padStart(8)} chunks/s   ${(tE / tH).toFixed(3)}x  (target >= 0.95x)`);
  console.log(`invoke time        hand-written ${(iH * 1000).toFixed(0).padStart(8)} µs/call    emitted ${(iE * 1000).toFixed(0).padStart(8)} µs/call    ${paired.toFixed(3)}x  (target <= 1.05x)`);
  record({ figure: `${what} vs hand-written: stream throughput`, measured: `${(tE / tH).toFixed(3)}x`, target: ">= 0.95x", met: tE / tH >= 0.95 });
  record({ figure: `${what} vs hand-written: invoke time`, measured: `${paired.toFixed(3)}x`, target: "<= 1.05x", met: paired <= 1.05 });
}
