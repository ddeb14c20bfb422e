import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SpecInput } from "../../src/spec/schema.js";
import { REPO } from "./paths.js";

/** Every bundled example spec, by file name. */
export function exampleSpecs(): { file: string; spec: SpecInput }[] {
  const dir = join(REPO, "examples");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((file) => ({ file, spec: JSON.parse(readFileSync(join(dir, file), "utf8")) as SpecInput }));
}

/**
 * How many tests the emitted file for `spec` has, all of which must pass.
 * custom: invoke, batch, stream, stop (2), identifying params.
 * HTTP: invoke, batch, stream, stop forwarded, stop ignored, abort, timeout, retry, 429, 401, concurrency,
 * split bytes, identifying params; plus token usage where the protocol reports it.
 * Both: plus callback order when streaming (HTTP: and an error mid-stream), 2 per secret, 1 for leaks.
 */
export function expectedTestCount(spec: SpecInput): number {
  if (spec.kind === "chat") return expectedChatTestCount(spec);
  const transport = spec.transport ?? "custom";
  // openai-compatible adds finish_reason, modelKwargs and its credential check.
  const base = transport === "custom" ? 6 : transport === "http-json" ? 13 : transport === "ollama" ? 14 : 17;
  const secrets = spec.secrets?.length ?? 0;
  // Streaming adds the callback-order test, and for HTTP the error-mid-stream test.
  const streaming = spec.streaming ? (transport === "custom" ? 1 : 2) : 0;
  return base + streaming + secrets * 2 + (secrets > 0 ? 1 : 0);
}

/**
 * The chat file: construction, invoke, stream, batch, stop, tool calls, a tool call after text, bindTools,
 * LangSmith params, aborted signal, serialization; JSON-schema and JSON-mode structured output (strict
 * too), response_format through bindTools, strict tools, parallel_tool_calls (or, where the transport
 * cannot force a tool, the errors that say so), bound models, provider and traced tools, profile;
 * streaming adds callback order, an abort midway and the streaming switches; tool_choice and
 * function-calling structured output where the transport has tool_choice (not Ollama). custom: messages
 * and errors, a retry without streaming. HTTP: the POST, messages on the wire, media on the wire, a block
 * it cannot carry, retries; openai-compatible: modelKwargs sent, never replacing the wrapper's keys, and
 * its credential check. Both: 2 per secret, 1 for leaks.
 */
function expectedChatTestCount(spec: SpecInput): number {
  const transport = spec.transport ?? "custom";
  const http = transport !== "custom";
  const secrets = spec.secrets?.length ?? 0;
  const common = 19 + (spec.streaming ? 3 : 0) + (transport === "ollama" ? 0 : 2);
  const own = http ? 5 + (transport === "openai-compatible" ? 3 : 0) : 2 + (spec.streaming ? 0 : 1);
  return common + own + secrets * 2 + (secrets > 0 ? 1 : 0);
}

/** Specs that cover the template's branches: params of every type, secrets none/one/many, streaming on/off. */
export const VARIED_SPECS: Record<string, SpecInput> = {
  chatPlain: {
    kind: "chat",
    name: "ChatVault",
    description: "A chat model: custom, no streaming, a required param, two secrets.",
    params: [{ name: "endpointId", type: "string", description: "Required string." }],
    secrets: [
      { name: "apiKey", env: "CHAT_VAULT_API_KEY", description: "Key." },
      { name: "orgSecret", env: "CHAT_VAULT_ORG_SECRET", description: "Organisation secret." },
    ],
  },
  chatOpenaiPlain: {
    kind: "chat",
    name: "ChatLocalServer",
    description: "An OpenAI-compatible chat server, no streaming, no key, the model as modelName.",
    transport: "openai-compatible",
    params: [{ name: "modelName", type: "string", description: "Model.", default: "local" }],
  },
  bare: { name: "BareLLM", description: "No params, no secrets, no streaming." },
  bareStreaming: { name: "BareStreamLLM", description: "No params, no secrets.", streaming: true },
  everyType: {
    name: "EveryTypeLLM",
    llmType: "every.type_llm",
    description: "Params of every type, required and optional.",
    docsUrl: "https://example.com/docs?a=1&b=\"2\"",
    params: [
      { name: "modelName", type: "string", description: "Model.", default: "m-1" },
      { name: "endpointId", type: "string", description: "Required string." },
      { name: "maxTokens", type: "number", description: "Required number." },
      { name: "topP", type: "number", description: "Optional number.", optional: true },
      { name: "seed", type: "number", description: "Negative default.", default: -1 },
      { name: "logprobs", type: "boolean", description: "Required boolean." },
      { name: "echo", type: "boolean", description: "Boolean default.", default: false },
      { name: "stopWords", type: "string[]", description: "List default.", default: ["a", "b\"c"] },
      { name: "extraTags", type: "string[]", description: "Optional list.", optional: true },
      { name: "requiredTags", type: "string[]", description: "Required list." },
      { name: "mode", type: { enum: ["fast", "slow", "it's"] }, description: "Enum default.", default: "slow" },
      { name: "region", type: { enum: ["eu", "us"] }, description: "Required enum." },
    ],
    secrets: [{ name: "apiKey", env: "EVERY_API_KEY", description: "Key." }],
    streaming: true,
  },
  manySecretsPlain: {
    name: "VaultLLM",
    description: "Several secrets, no streaming.",
    params: [{ name: "model", type: "string", description: "Model.", default: "v" }],
    secrets: [
      { name: "apiKey", env: "VAULT_API_KEY", description: "Key." },
      { name: "orgSecret", env: "VAULT_ORG_SECRET", description: "Organisation secret." },
      { name: "sessionToken", env: "VAULT_SESSION_TOKEN", description: "Session token." },
    ],
  },
  awkwardText: {
    name: "QuoteLLM",
    description: "Ends comments */ early? `backticks` ${interp} {{mustache}} \"quotes\" 'single' \\ back\\slash\nnew line ünïcödé 🚀 \u2028 sep",
    docsUrl: "https://example.com/a*/b?x='1'",
    params: [
      { name: "style", type: "string", description: "*/ console.log('pwned') /*", default: "*/ `${x}` \" \\" },
      { name: "choice", type: { enum: ["*/", "${x}", "`"] }, description: "Awkward enum values.", default: "${x}" },
    ],
    secrets: [{ name: "apiKey", env: "QUOTE_KEY", description: "*/ secret `key` ${x}" }],
    streaming: true,
  },
  openaiPlain: {
    name: "PlainCompletionsLLM",
    description: "OpenAI-compatible, no streaming, no key (a local server), the model as modelName.",
    transport: "openai-compatible",
    baseUrl: "http://localhost:8000/v1",
    params: [
      { name: "modelName", type: "string", description: "Model.", default: "local-model" },
      { name: "maxTokens", type: "number", description: "Required number, sent as max_tokens." },
      { name: "echo", type: "boolean", description: "Boolean default.", default: false },
      { name: "logitBiasTokens", type: "string[]", description: "Optional list.", optional: true },
    ],
  },
  ollamaWithKey: {
    name: "ProxiedOllamaLLM",
    description: "Ollama behind a proxy that wants a bearer token; no streaming; awkward text `*/` ${x}.",
    transport: "ollama",
    params: [
      { name: "model", type: "string", description: "Required model tag." },
      { name: "numCtx", type: "number", description: "Context size, sent as options.num_ctx.", default: 2048 },
      { name: "mirostat", type: { enum: ["0", "1", "2"] }, description: "Enum default.", default: "0" },
    ],
    secrets: [{ name: "proxyToken", env: "OLLAMA_PROXY_TOKEN", description: "Proxy token */." }],
  },
  httpJsonKeyHeader: {
    name: "KeyHeaderEndpointLLM",
    description: "http-json with its key in an API key header and params under the document's own keys.",
    transport: "http-json",
    params: [
      { name: "maxNewTokens", type: "number", description: "Sent as max_new_tokens.\n\nA second paragraph, on the docs page only.", default: 64, wire: "max_new_tokens" },
      { name: "samplingMode", type: { enum: ["greedy", "sample"] }, description: "Sent as sampling-mode.", optional: true, wire: "sampling-mode" },
    ],
    secrets: [{ name: "apiKey", env: "KEY_HEADER_API_KEY", description: "Key, sent in x-api-key.", header: "X-Api-Key" }],
    httpJson: { url: "http://localhost:9000/generate", promptField: "prompt", responsePath: "output.text", stopField: "stop" },
  },
  openaiKeyHeader: {
    name: "ChatKeyHeader",
    kind: "chat",
    description: "An OpenAI-compatible chat model whose key goes in an API key header; a camelCase wire key.",
    transport: "openai-compatible",
    streaming: true,
    params: [
      { name: "model", type: "string", description: "Model.", default: "m-1" },
      { name: "topK", type: "number", description: "Sent as topK, not top_k.", optional: true, wire: "topK" },
    ],
    secrets: [{ name: "apiKey", env: "CHAT_KEY_HEADER_API_KEY", description: "Key, sent in api-key.", header: "api-key" }],
  },
  httpJsonMinimal: {
    name: "BareEndpointLLM",
    description: "http-json, no params, no stop field, text deep in an array, no streaming.",
    transport: "http-json",
    httpJson: { url: "http://localhost:9000/generate", promptField: "text-in", responsePath: "results.0.generated.text" },
  },
  httpJsonStreaming: {
    name: "StreamingEndpointLLM",
    description: "http-json streaming NDJSON with no stream field (told by the accept header), no stop field.",
    transport: "http-json",
    streaming: true,
    params: [{ name: "style", type: { enum: ["plain", "fancy"] }, description: "Required enum." }],
    httpJson: { url: "https://llm.example.com/v2/run?mode=a&b=\"c\"", promptField: "$prompt", responsePath: "delta" },
  },
};
