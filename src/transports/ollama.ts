import { protocolTransport } from "./protocol.js";

/** A local or remote Ollama server. */
export const ollama = protocolTransport({
  name: "ollama",
  summary: "the API of an Ollama server at {baseUrl}",
  defaultUrl: "http://localhost:11434",
  modelExample: "llama3.2",
  streamType: "application/x-ndjson",
  streamFormat: "newline-delimited JSON",
  eventStream: false,
  // Ollama's chat API has tools but no way to force one.
  toolChoice: false,
  // A JSON schema in `format`; images only as base64 data, never by URL.
  profile: { toolCalling: true, toolChoice: false, structuredOutput: true, imageInputs: true, imageUrlInputs: false },
  usage: true,
  /**
   * The model and the keys of Ollama's requests besides `prompt`/`messages`, `stream` and `options` (its
   * API docs): a param sent under one of them goes at the top of the body, as `@langchain/ollama` sends
   * `keep_alive`, `format` and `think`; Ollama reads any other param only inside `options`.
   */
  paramsKey: "options",
  topLevelKeys: new Set(["model", "suffix", "images", "think", "format", "system", "template", "raw", "keep_alive", "context"]),
});
