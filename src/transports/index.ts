import { ollama } from "./ollama.js";
import { openAICompatible } from "./openai-compatible.js";
import type { Protocol } from "./protocol.js";

/** The HTTP protocols with a fixed wire format, by transport name (http-json is described by its spec). */
export const PROTOCOLS: Readonly<Record<Protocol["name"], Protocol>> = {
  "openai-compatible": openAICompatible,
  ollama,
};

export type { Protocol };
