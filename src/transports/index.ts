import type { Transport } from "../spec/schema.js";
import { custom } from "./custom.js";
import { httpJson } from "./http-json.js";
import { ollama } from "./ollama.js";
import { openAICompatible } from "./openai-compatible.js";
import type { TransportDescriptor } from "./transport.js";

/** Every transport, by name, in the order the transport question lists them. */
export const TRANSPORT_DESCRIPTORS: Readonly<Record<Transport, TransportDescriptor>> = {
  custom,
  "openai-compatible": openAICompatible,
  ollama,
  "http-json": httpJson,
};

export function transportOf(name: Transport | undefined): TransportDescriptor {
  return TRANSPORT_DESCRIPTORS[name ?? "custom"];
}

export type { FieldCheck, HttpContext, TransportAnswers, TransportDescriptor } from "./transport.js";
