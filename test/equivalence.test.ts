import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { BaseLLM } from "@langchain/core/language_models/llms";
import { Ollama } from "@langchain/ollama";
import { OpenAI } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInto } from "../src/generate.js";
import { REPO, repoTempDir } from "./support/paths.js";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server.js";

// The emitted OpenAI-compatible and Ollama wrappers against LangChain's own integrations, on the same
// loopback server: same text for invoke and stream, with and without stop sequences.

const dir = repoTempDir("equivalence");
let server: ProtocolServer;

/** Generates examples/<file> and imports the emitted class, as its users would. */
async function emittedClass(file: string, className: string, module: string): Promise<new (fields: object) => BaseLLM> {
  const spec = JSON.parse(readFileSync(join(REPO, "examples", file), "utf8"));
  const target = join(dir, module);
  await generateInto(target, spec);
  const exports = (await import(join(target, "src", `${module}.ts`))) as Record<string, new (fields: object) => BaseLLM>;
  return exports[className]!;
}

beforeAll(async () => {
  server = await startProtocolServer();
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const CALLS: { prompt: string; stop?: string[] }[] = [
  { prompt: "Hello, world" },
  { prompt: "one. two! three", stop: ["!", "."] },
  { prompt: "no stop here", stop: ["zzz"] },
];

async function results(llm: BaseLLM): Promise<string[]> {
  const out: string[] = [];
  for (const { prompt, stop } of CALLS) {
    out.push(await llm.invoke(prompt, { stop }));
    const chunks: string[] = [];
    for await (const chunk of await llm.stream(prompt, { stop })) chunks.push(chunk);
    out.push(chunks.join(""));
  }
  return out;
}

describe("emitted wrappers return what LangChain's own integrations return", () => {
  it("openai-compatible matches @langchain/openai's OpenAI", async () => {
    const Emitted = await emittedClass("openai-compatible.json", "CompletionsLLM", "completions-llm");
    const before = server.requests;
    const emitted = new Emitted({ apiKey: "sk-test", baseUrl: `${server.url}/v1`, model: "test-model" });
    const openai = new OpenAI({ apiKey: "sk-test", model: "test-model", configuration: { baseURL: `${server.url}/v1` } });
    const ours = await results(emitted);
    const theirs = await results(openai);
    expect(ours).toEqual(theirs);
    expect(server.requests - before).toBe(CALLS.length * 4);
    // Token usage too: the same llmOutput.tokenUsage from generate().
    const usage = async (llm: BaseLLM) => (await llm.generate(["count me"])).llmOutput?.tokenUsage;
    expect(await usage(emitted)).toEqual(await usage(openai));
    expect(await usage(emitted)).toEqual({ promptTokens: 3, completionTokens: 5, totalTokens: 8 });
    // The stop case really was cut by the server: neither returns the stop sequence.
    expect(ours.slice(2, 4)).toEqual(["Echo: one", "Echo: one"]);
  });

  it("ollama matches @langchain/ollama's Ollama", async () => {
    const Emitted = await emittedClass("ollama.json", "LocalOllamaLLM", "local-ollama-llm");
    const before = server.requests;
    const ours = await results(new Emitted({ baseUrl: server.url, model: "m" }));
    const theirs = await results(new Ollama({ baseUrl: server.url, model: "m" }));
    expect(ours).toEqual(theirs);
    expect(server.requests - before).toBe(CALLS.length * 4);
    expect(ours.slice(2, 4)).toEqual(["Echo: one", "Echo: one"]);
  });
});
