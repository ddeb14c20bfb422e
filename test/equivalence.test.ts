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

/** Generates examples/<file> (or the spec given) and imports the emitted class, as its users would. */
async function emittedClass(file: string | object, className: string, module: string): Promise<new (fields: object) => BaseLLM> {
  const spec = typeof file === "string" ? JSON.parse(readFileSync(join(REPO, "examples", file), "utf8")) : file;
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

  it("ollama sends keep_alive, format and think at the top of the body and the rest in options, as @langchain/ollama does", async () => {
    const spec = {
      name: "TunedOllamaLLM",
      description: "Ollama with request-level settings.",
      transport: "ollama",
      params: [
        { name: "model", type: "string", default: "llama3.2", description: "Model tag." },
        { name: "keepAlive", type: "string", optional: true, description: "How long the model stays loaded." },
        { name: "format", type: "string", optional: true, description: "Answer format, e.g. json." },
        { name: "think", type: "boolean", optional: true, description: "Whether the model thinks first." },
        { name: "temperature", type: "number", optional: true, description: "Sampling temperature." },
        { name: "numPredict", type: "number", optional: true, description: "Most tokens to generate." },
      ],
    };
    const Emitted = await emittedClass(spec, "TunedOllamaLLM", "tuned-ollama-llm");
    const fields = { baseUrl: server.url, model: "m", keepAlive: "5m", format: "json", think: false, temperature: 0.5, numPredict: 7 };
    const sent = async (llm: BaseLLM) => {
      const from = server.bodies.length;
      await llm.invoke("Hi", { stop: ["zzz"] });
      expect(server.bodies.length).toBe(from + 1);
      const { model, keep_alive, format, think, options } = server.bodies[from]! as Record<string, unknown> & { options: Record<string, unknown> };
      return { model, keep_alive, format, think, options: { temperature: options.temperature, num_predict: options.num_predict, stop: options.stop } };
    };
    const ours = await sent(new Emitted(fields));
    expect(ours).toEqual(await sent(new Ollama(fields)));
    expect(ours).toEqual({ model: "m", keep_alive: "5m", format: "json", think: false, options: { temperature: 0.5, num_predict: 7, stop: ["zzz"] } });
  });
});
