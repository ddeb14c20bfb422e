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

/** Keys of the params object the templates build beside the spec's params (invocationParams), the chat model's call options among them. */
export const CALL_OPTION_KEYS: readonly string[] = ["stop", "model_name", "tools", "tool_choice", "response_format", "parallel_tool_calls"];

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
  return [`${className}Delta`, `${className}ToolCallDelta`, `${className}ResponseFormat`];
}
