// Names the templates emit that a spec's names must not collide with. The templates read them from the
// render context, so this file and the emitted code cannot drift apart.

/** The one method a user fills in, per streaming mode. */
export const PROVIDER_METHOD = { streaming: "streamProvider", plain: "callProvider" } as const;

/** Members the templates add to the class on top of what `LLM` already has. */
export const GENERATED_MEMBERS: readonly string[] = [
  PROVIDER_METHOD.streaming,
  PROVIDER_METHOD.plain,
  "invocationParams",
  "_identifyingParams",
  "_llmType",
  "_call",
  "_streamResponseChunks",
  "lc_name",
  "lc_secrets",
  "lc_serializable",
];

/** Keys of the params object the templates build beside the spec's params (invocationParams). */
export const CALL_OPTION_KEYS: readonly string[] = ["stop", "model_name"];

/** The param an HTTP transport adds for where to send requests; a spec param must not take its name. */
export const URL_PARAM = { "openai-compatible": "baseUrl", ollama: "baseUrl", "http-json": "url" } as const;

/** Extra request body fields a caller may pass (openai-compatible), as `@langchain/openai`'s `OpenAI` and `ChatOpenAI` have. */
export const EXTRA_BODY_PARAM = "modelKwargs";

/** Constructor fields a transport adds to a class, with what each is for; a spec param must not take one. */
export type TransportFields = Record<keyof typeof URL_PARAM, Record<string, string>>;

/** What every kind's HTTP class has: where to send requests. */
export const URL_FIELDS: TransportFields = {
  "openai-compatible": { [URL_PARAM["openai-compatible"]]: "the server's base URL" },
  ollama: { [URL_PARAM.ollama]: "the server's base URL" },
  "http-json": { [URL_PARAM["http-json"]]: "the endpoint's URL" },
};

/** Every kind's: the URL, and openai-compatible's extra request body fields. */
export const TRANSPORT_FIELDS: TransportFields = {
  ...URL_FIELDS,
  "openai-compatible": { ...URL_FIELDS["openai-compatible"], [EXTRA_BODY_PARAM]: "extra request body fields" },
};

/** Top-level names of the emitted class module: imports and module helpers. */
export const MODULE_NAMES: readonly string[] = [
  "LLM",
  "BaseLLMParams",
  "BaseLLMCallOptions",
  "CallbackManagerForLLMRun",
  "GenerationChunk",
  "getEnvironmentVariable",
  "stopEnd",
  "heldBack",
  "cutAtStop",
  "cutStreamAtStop",
  "readSecret",
  "redactSecrets",
  "omitKeys",
  "HttpError",
  "TokenUsage",
  "Completion",
  "LLMResult",
  "httpError",
  "serverMessage",
  "throwIfStreamError",
  "readPath",
  "textAt",
  "tokenUsage",
  "addUsage",
  "readLines",
  "getLines",
  "getMessages",
  "CREDENTIAL_KEY",
  "checkModelKwargs",
  "ndjsonText",
  "requestBody",
  "parseCompletion",
  "streamText",
];

/** Type names derived from the class name; they must not collide with anything either. */
export function derivedTypeNames(className: string): string[] {
  return [`${className}Input`, `${className}CallOptions`, `${className}Request`, `${className}Credentials`];
}

/** The chat module's own type names, derived the same way: two chat models can share one index. */
export function chatTypeNames(className: string): string[] {
  return [`${className}Delta`, `${className}ToolCallDelta`, `${className}JsonSchema`];
}
