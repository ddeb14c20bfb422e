import { rmSync } from "node:fs";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import {
  AIMessage,
  AIMessageChunk,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  type BaseMessage,
  type ContentBlock,
} from "@langchain/core/messages";
import { RunnableLambda } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import { concat } from "@langchain/core/utils/stream";
import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { emittedClass } from "./support/emitted-class.js";
import { repoTempDir } from "./support/paths.js";
import {
  startChatProtocolServer,
  type ChatProtocolServer,
} from "./support/chat-protocol-server.js";

// The emitted openai-compatible and ollama chat models against LangChain's own ChatOpenAI and ChatOllama,
// on the same loopback server: same text, usage, tool calls and request bodies. Where the references
// miss a point of LangChain's checklist (callback order, usage in stream events, retries), ours must not.

const dir = repoTempDir("chat-equivalence");
let server: ChatProtocolServer;
type Chat = BaseChatModel;
let Ours: {
  openai: new (fields: object) => Chat;
  ollama: new (fields: object) => Chat;
};

beforeAll(async () => {
  server = await startChatProtocolServer();
  Ours = {
    openai: await emittedClass(
      dir,
      "chat-openai-compatible.json",
      "ChatCompletions",
      "chat-completions",
    ),
    ollama: await emittedClass(
      dir,
      "chat-ollama.json",
      "ChatLocalOllama",
      "chat-local-ollama",
    ),
  };
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const models = {
  openai: () => ({
    ours: new Ours.openai({
      apiKey: "sk-test",
      baseUrl: `${server.url}/v1`,
      model: "m",
      maxRetries: 1,
    }),
    theirs: new ChatOpenAI({
      apiKey: "sk-test",
      model: "m",
      configuration: { baseURL: `${server.url}/v1` },
      maxRetries: 1,
    }),
  }),
  ollama: () => ({
    ours: new Ours.ollama({ baseUrl: server.url, model: "m", maxRetries: 1 }),
    theirs: new ChatOllama({ baseUrl: server.url, model: "m", maxRetries: 1 }),
  }),
};

const weather = tool(async ({ city }) => `sunny in ${city}`, {
  name: "get_weather",
  description: "The weather in a city.",
  schema: z.object({ city: z.string().describe("The city") }),
});
const time = tool(async () => "noon", {
  name: "get_time",
  description: "The time in a zone.",
  schema: z.object({ zone: z.string() }),
});
const CALLS = [
  { name: "get_weather", args: { city: "Paris" } },
  { name: "get_time", args: { zone: "CET" } },
];

/** What a caller sees of an answer: text, usage, tool calls (without ids when `ids` is false). */
function seen(message: BaseMessage, ids = true) {
  const m = message as AIMessageChunk;
  const { input_tokens, output_tokens, total_tokens } =
    m.usage_metadata ?? ({} as Record<string, undefined>);
  return {
    text: m.text,
    usage: { input_tokens, output_tokens, total_tokens },
    tool_calls: (m.tool_calls ?? []).map(({ name, args, id }) =>
      ids ? { name, args, id } : { name, args },
    ),
    invalid_tool_calls: m.invalid_tool_calls ?? [],
  };
}

async function streamed(
  model: { stream: Chat["stream"] },
  input: string,
): Promise<AIMessageChunk> {
  let joined: AIMessageChunk | undefined;
  for await (const chunk of await model.stream(input))
    joined = joined
      ? concat(joined, chunk as AIMessageChunk)
      : (chunk as AIMessageChunk);
  return joined!;
}

/** The request body the next call sends. */
async function bodyOf(
  call: () => Promise<unknown>,
): Promise<Record<string, unknown>> {
  const from = server.bodies.length;
  await call();
  return server.bodies[from]!;
}

describe.each(["openai", "ollama"] as const)(
  "the emitted %s chat model answers as LangChain's own",
  (transport) => {
    // Ollama gives its tool calls no id: each integration makes its own up.
    const ids = transport === "openai";

    it("same text and usage from invoke and from stream", async () => {
      server.answer = undefined;
      const { ours, theirs } = models[transport]();
      for (const input of [
        "Hello, world",
        "a longer question, streamed in many pieces",
      ]) {
        expect(seen(await ours.invoke(input))).toEqual(
          seen(await theirs.invoke(input)),
        );
        expect(seen(await streamed(ours, input))).toEqual(
          seen(await streamed(theirs, input)),
        );
      }
      expect(seen(await ours.invoke("x")).usage).toEqual({
        input_tokens: 3,
        output_tokens: 5,
        total_tokens: 8,
      });
    });

    it("same tool calls, single and parallel, from invoke and from stream", async () => {
      const { ours, theirs } = models[transport]();
      for (const toolCalls of [CALLS.slice(0, 1), CALLS]) {
        server.answer = () => ({ text: "", toolCalls });
        const [o, t] = [
          ours.bindTools!([weather, time]),
          theirs.bindTools!([weather, time]),
        ];
        const invoked = seen(await o.invoke("x"), ids);
        expect(invoked).toEqual(seen(await t.invoke("x"), ids));
        expect(
          invoked.tool_calls.map(({ name, args }) => ({ name, args })),
        ).toEqual(toolCalls);
        expect(invoked.invalid_tool_calls).toEqual([]);
        expect(seen(await streamed(o, "x"), ids)).toEqual(
          seen(await streamed(t, "x"), ids),
        );
      }
      server.answer = undefined;
    });

    it("same tools on the wire, and the same tool round trip: the AI's call and the tool's answer sent back", async () => {
      server.answer = undefined;
      const { ours, theirs } = models[transport]();
      const conversation = [
        new SystemMessage("Be brief."),
        new HumanMessage("Weather in Paris?"),
        new AIMessage({
          content: "",
          tool_calls: [
            {
              id: "call_1",
              name: "get_weather",
              args: { city: "Paris" },
              type: "tool_call",
            },
          ],
        }),
        new ToolMessage({
          content: await weather.invoke({ city: "Paris" }),
          tool_call_id: "call_1",
        }),
      ];
      const pick = (body: Record<string, unknown>) => ({
        tools: body.tools,
        messages: body.messages,
      });
      const our = pick(
        await bodyOf(() => ours.bindTools!([weather]).invoke(conversation)),
      );
      expect(our).toEqual(
        pick(
          await bodyOf(() => theirs.bindTools!([weather]).invoke(conversation)),
        ),
      );
      expect(JSON.stringify(our.tools)).toContain('"description":"The city"');
    });
  },
);

describe("the emitted openai-compatible chat model sends what ChatOpenAI sends", () => {
  it("same tool_choice on the wire: auto, any (required), none and a tool's name", async () => {
    const { ours, theirs } = models.openai();
    for (const tool_choice of ["auto", "any", "none", "get_weather"]) {
      const our = await bodyOf(() =>
        ours.bindTools!([weather], { tool_choice }).invoke("x"),
      );
      const their = await bodyOf(() =>
        theirs.bindTools!([weather], { tool_choice }).invoke("x"),
      );
      expect(our.tool_choice).toEqual(their.tool_choice);
    }
    expect(
      (
        await bodyOf(() =>
          ours.bindTools!([weather], { tool_choice: "any" }).invoke("x"),
        )
      ).tool_choice,
    ).toBe("required");
  });

  it("same modelKwargs on the wire, from invoke and from stream", async () => {
    const modelKwargs = {
      seed: 7,
      user: "user-1",
      logit_bias: { "50256": -100 },
      top_k: 20,
    };
    const ours = new Ours.openai({
      apiKey: "sk-test",
      baseUrl: `${server.url}/v1`,
      model: "m",
      maxRetries: 1,
      modelKwargs,
    });
    const theirs = new ChatOpenAI({
      apiKey: "sk-test",
      model: "m",
      configuration: { baseURL: `${server.url}/v1` },
      maxRetries: 1,
      modelKwargs,
    });
    const pick = (body: Record<string, unknown>) =>
      Object.fromEntries(
        Object.keys(modelKwargs).map((key) => [key, body[key]]),
      );
    for (const call of [
      (model: Chat) => model.invoke("x"),
      (model: Chat) => streamed(model, "x"),
    ]) {
      const our = pick(await bodyOf(() => call(ours)));
      expect(our).toEqual(pick(await bodyOf(() => call(theirs))));
      expect(our).toEqual(modelKwargs);
    }
  });

  it("same stream request: stream_options asks for the usage", async () => {
    const { ours, theirs } = models.openai();
    const our = await bodyOf(() => streamed(ours, "x"));
    const their = await bodyOf(() => streamed(theirs, "x"));
    expect(our.stream_options).toEqual(their.stream_options);
    expect(our.stream_options).toEqual({ include_usage: true });
  });
});

describe("images on the wire", () => {
  const png = "iVBORw0KGgo=";
  const human = (part: Record<string, unknown>) => [new HumanMessage({ content: [{ type: "text", text: "What is this?" }, part as ContentBlock] })];
  const messagesOf = async (model: Chat, part: Record<string, unknown>) => (await bodyOf(() => model.invoke(human(part)))).messages;

  it("the same as ChatOpenAI's for image_url parts, data URLs and v0 standard blocks", async () => {
    const { ours, theirs } = models.openai();
    for (const part of [
      { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "high" } },
      { type: "image_url", image_url: { url: `data:image/png;base64,${png}` } },
      { type: "image", source_type: "base64", mime_type: "image/png", data: png },
      { type: "image", source_type: "url", url: "https://example.com/cat.png" },
    ]) {
      expect(await messagesOf(ours, part)).toEqual(await messagesOf(theirs, part));
    }
  });

  it("a v1 block, which ChatOpenAI passes through unconverted, goes out as the image_url it stands for", async () => {
    const { ours, theirs } = models.openai();
    const v1 = { type: "image", data: png, mimeType: "image/png" };
    const converted = { type: "image_url", image_url: { url: `data:image/png;base64,${png}` } };
    expect(await messagesOf(ours, v1)).toEqual([{ role: "user", content: [{ type: "text", text: "What is this?" }, converted] }]);
    expect(await messagesOf(theirs, v1)).toEqual([{ role: "user", content: [{ type: "text", text: "What is this?" }, v1] }]);
  });

  it("the same images as ChatOllama's, as base64 on the message", async () => {
    const { ours, theirs } = models.ollama();
    const part = { type: "image_url", image_url: { url: `data:image/png;base64,${png}` } };
    const images = (messages: unknown) => (messages as { images?: string[] }[]).flatMap((m) => m.images ?? []);
    expect(images(await messagesOf(ours, part))).toEqual(images(await messagesOf(theirs, part)));
    expect(images(await messagesOf(ours, { type: "image", data: png, mimeType: "image/png" }))).toEqual([png]);
  });
});

describe("where the references miss LangChain's checklist, the emitted models do not", () => {
  it("the token callback completes before each chunk reaches the consumer; ChatOpenAI's and ChatOllama's after", async () => {
    for (const transport of ["openai", "ollama"] as const) {
      server.answer = undefined;
      const { ours, theirs } = models[transport]();
      const orderOf = async (model: Chat) => {
        const order: string[] = [];
        const handler = BaseCallbackHandler.fromMethods({
          async handleLLMNewToken() {
            await new Promise((resolve) => setTimeout(resolve, 1));
            order.push("token");
          },
        });
        handler.awaitHandlers = true;
        for await (const _chunk of await model.stream("order", {
          callbacks: [handler],
        }))
          order.push("chunk");
        return order;
      };
      const order = await orderOf(ours);
      expect(order.length).toBeGreaterThan(4);
      expect(order).toEqual(
        order.map((_, i) => (i % 2 === 0 ? "token" : "chunk")),
      );
      // ChatOpenAI and ChatOllama hand the chunk over first and run the callback after.
      expect((await orderOf(theirs))[0]).toBe("chunk");
    }
  });

  it("streamEvents v2 through a chain shows the usage in a chat model stream event; ChatOllama's does not (langchainjs #11155)", async () => {
    server.answer = undefined;
    const usageInEvents = async (model: Chat) => {
      let usage: unknown;
      // Inside a chain, the model's stream events come from its token callbacks only.
      const chain = RunnableLambda.from((input: string) => input).pipe(model);
      for await (const event of chain.streamEvents("x", { version: "v2" })) {
        if (
          event.event === "on_chat_model_stream" &&
          (event.data.chunk as AIMessageChunk).usage_metadata
        )
          usage = (event.data.chunk as AIMessageChunk).usage_metadata;
      }
      return usage;
    };
    for (const transport of ["openai", "ollama"] as const) {
      expect(await usageInEvents(models[transport]().ours)).toMatchObject({
        input_tokens: 3,
        output_tokens: 5,
        total_tokens: 8,
      });
    }
    expect(await usageInEvents(models.ollama().theirs)).toBeUndefined();
  });

  it("a 500 is retried through the caller; ChatOllama does not retry it", async () => {
    server.answer = undefined;
    const { ours, theirs } = models.ollama();
    server.failures = 1;
    await expect(ours.invoke("Hi")).resolves.toBeInstanceOf(AIMessageChunk);
    server.failures = 1;
    await expect(theirs.invoke("Hi")).rejects.toThrow();
    server.failures = 0;
  });
});
