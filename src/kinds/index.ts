import type { Kind } from "../spec/schema.js";
import { chatKind } from "./chat.js";
import type { ModelKind } from "./kind.js";
import { llmKind } from "./llm.js";

/** Every kind of model the generator emits, by name. */
export const MODEL_KINDS: Readonly<Record<Kind, ModelKind>> = { llm: llmKind, chat: chatKind };

export function modelKind(name: Kind | undefined): ModelKind {
  return MODEL_KINDS[name ?? "llm"];
}

export type { ModelKind };
