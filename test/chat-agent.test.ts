import { rmSync } from "node:fs";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAI } from "@langchain/openai";
import { createAgent, providerStrategy, toolStrategy } from "langchain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startChatProtocolServer, type ChatProtocolServer } from "./support/chat-protocol-server.js";
import { emittedClass } from "./support/emitted-class.js";
import { repoTempDir } from "./support/paths.js";

// The emitted chat models inside LangChain v1's agent (`createAgent` from `langchain`), beside ChatOpenAI and
// ChatOllama on the same loopback server: the tool loop, both structured-output strategies, and the
// strategy the agent picks from the model's profile.

const dir = repoTempDir("chat-agent");
let server: ChatProtocolServer;
type Chat = new (fields: object) => BaseChatModel;
let Ours: { openai: Chat; ollama: Chat; noNativeOutput: Chat };

beforeAll(async () => {
  server = await startChatProtocolServer();
  Ours = {
    openai: await emittedClass(dir, "chat-openai-compatible.json", "ChatCompletions", "chat-completions"),
    ollama: await emittedClass(dir, "chat-ollama.json", "ChatLocalOllama", "chat-local-ollama"),
    // A server without native structured output: the agent must fall back to its tool strategy.
    noNativeOutput: await emittedClass(dir, "chat-openai-compatible.json", "ChatPlain", "chat-plain", {
      name: "ChatPlain",
      profile: { toolCalling: true, structuredOutput: false },
    }),
  };
}, 180_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const models = {
  openai: () => ({
    ours: new Ours.openai({ apiKey: "sk-test", baseUrl: `${server.url}/v1`, model: "m" }),
    theirs: new ChatOpenAI({ apiKey: "sk-test", model: "m", configuration: { baseURL: `${server.url}/v1` } }),
  }),
  ollama: () => ({
    ours: new Ours.ollama({ baseUrl: server.url, model: "m" }),
    theirs: new ChatOllama({ baseUrl: server.url, model: "m" }),
  }),
};

const weather = tool(async ({ city }) => `sunny in ${city}`, {
  name: "get_weather",
  description: "The weather in a city.",
  schema: z.object({ city: z.string() }),
});
const Forecast = z.object({ city: z.string(), sky: z.string() });
const FORECAST = { city: "Paris", sky: "sunny" };

/** The model calls get_weather first, then answers from the tool's result. */
function weatherLoop(): void {
  server.answer = (last) =>
    last.startsWith("sunny")
      ? { text: "It is sunny in Paris.", toolCalls: [] }
      : { text: "", toolCalls: [{ name: "get_weather", args: { city: "Paris" } }] };
}

/** What a conversation shows: each message's type, text and tool calls. */
const transcript = (messages: BaseMessage[]) =>
  messages.map((m) => ({ type: m.getType(), text: m.text, calls: ("tool_calls" in m ? (m.tool_calls as { name: string; args: unknown }[]) : []).map(({ name, args }) => ({ name, args })) }));

const ask = { messages: [{ role: "user", content: "Weather in Paris?" }] };

describe.each(["openai", "ollama"] as const)("createAgent with the emitted %s chat model", (transport) => {
  it("runs the tool loop as with LangChain's own model", async () => {
    const { ours, theirs } = models[transport]();
    weatherLoop();
    const our = await createAgent({ model: ours, tools: [weather] }).invoke(ask);
    weatherLoop();
    const their = await createAgent({ model: theirs, tools: [weather] }).invoke(ask);
    expect(transcript(our.messages)).toEqual(transcript(their.messages));
    expect(our.messages.at(-1)?.text).toBe("It is sunny in Paris.");
    expect(our.messages.map((m) => m.getType())).toEqual(["human", "ai", "tool", "ai"]);
  });

  it("providerStrategy: the schema goes out as the protocol's native format and the answer is parsed", async () => {
    const { ours } = models[transport]();
    server.answer = () => ({ text: JSON.stringify(FORECAST), toolCalls: [] });
    const from = server.bodies.length;
    const result = await createAgent({ model: ours, tools: [weather], responseFormat: providerStrategy(Forecast) }).invoke(ask);
    expect(result.structuredResponse).toEqual(FORECAST);
    const body = server.bodies[from]!;
    const schema = transport === "openai" ? (body.response_format as { json_schema: { schema: unknown; strict: boolean } }).json_schema : { schema: body.format };
    expect(schema.schema).toMatchObject({ type: "object", properties: { city: { type: "string" }, sky: { type: "string" } } });
    if (transport === "openai") expect((body.response_format as { json_schema: { strict: boolean } }).json_schema.strict).toBe(true);
  });

  it("a plain schema uses the provider strategy, because the profile says the model has native structured output", async () => {
    const { ours } = models[transport]();
    expect(ours.profile.structuredOutput).toBe(true);
    server.answer = () => ({ text: JSON.stringify(FORECAST), toolCalls: [] });
    const from = server.bodies.length;
    const result = await createAgent({ model: ours, tools: [weather], responseFormat: Forecast }).invoke(ask);
    expect(result.structuredResponse).toEqual(FORECAST);
    const tools = (server.bodies[from]!.tools as { function: { name: string } }[]).map((t) => t.function.name);
    expect(tools).toEqual(["get_weather"]);
  });
});

/** Answers with a call to the structured-output tool the agent bound (the last of the request's tools). */
function callStructuredTool(): void {
  server.answer = (_last, body) => {
    const tools = body.tools as { function: { name: string } }[];
    return { text: "", toolCalls: [{ name: tools.at(-1)!.function.name, args: FORECAST }] };
  };
}

describe("createAgent's tool strategy", () => {
  it("toolStrategy: the same request and result as ChatOpenAI's, the tool forced", async () => {
    const { ours, theirs } = models.openai();
    callStructuredTool();
    const from = server.bodies.length;
    const our = await createAgent({ model: ours, tools: [weather], responseFormat: toolStrategy(Forecast) }).invoke(ask);
    const ourBody = server.bodies[from]!;
    callStructuredTool();
    const at = server.bodies.length;
    const their = await createAgent({ model: theirs, tools: [weather], responseFormat: toolStrategy(Forecast) }).invoke(ask);
    expect(our.structuredResponse).toEqual(FORECAST);
    expect(their.structuredResponse).toEqual(FORECAST);
    // The agent numbers its structured-output tools across agents ("extract-1", "extract-2"): names aside, the requests match.
    const sent = (body: Record<string, unknown>) => ({
      tools: (body.tools as { function: { name: string } }[]).map((t, i, all) => (i === all.length - 1 ? { ...t, function: { ...t.function, name: "extract" } } : t)),
      tool_choice: body.tool_choice,
    });
    expect(sent(ourBody)).toEqual(sent(server.bodies[at]!));
    expect(ourBody.tool_choice).toBe("required");
  });

  it("a plain schema uses the tool strategy when the profile says the model has no native structured output", async () => {
    const ours = new Ours.noNativeOutput({ apiKey: "sk-test", baseUrl: `${server.url}/v1`, model: "m" });
    expect(ours.profile.structuredOutput).toBe(false);
    callStructuredTool();
    const from = server.bodies.length;
    const result = await createAgent({ model: ours, tools: [weather], responseFormat: Forecast }).invoke(ask);
    expect(result.structuredResponse).toEqual(FORECAST);
    const body = server.bodies[from]!;
    expect(body.response_format).toBeUndefined();
    expect((body.tools as unknown[]).length).toBe(2);
    expect(body.tool_choice).toBe("required");
  });

  it("over Ollama, which cannot force a tool, fails naming tool_choice and the way out (providerStrategy)", async () => {
    const { ours } = models.ollama();
    callStructuredTool();
    const from = server.bodies.length;
    await expect(createAgent({ model: ours, tools: [weather], responseFormat: toolStrategy(Forecast) }).invoke(ask)).rejects.toThrow(
      /tool_choice "any" cannot be sent over Ollama's chat API.*providerStrategy/,
    );
    expect(server.bodies.length).toBe(from);
  });
});
