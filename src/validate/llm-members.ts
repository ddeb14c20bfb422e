import { CHAT_MODEL_MEMBERS, LLM_MEMBERS } from "./llm-members.generated.js";

let llm: ReadonlySet<string> | undefined;
let chat: ReadonlySet<string> | undefined;

/**
 * Every member name an `LLM` subclass instance has: a constructor param of the same name would shadow it.
 * Read from the real class at build time (llm-probe.ts), not at run time: loading @langchain/core would
 * slow every run (docs/performance.md), and the version is pinned, so the list cannot differ.
 */
export function llmMemberNames(): ReadonlySet<string> {
  llm ??= new Set(LLM_MEMBERS);
  return llm;
}

/** Every member name a `BaseChatModel` subclass instance has, read the same way. */
export function chatModelMemberNames(): ReadonlySet<string> {
  chat ??= new Set(CHAT_MODEL_MEMBERS);
  return chat;
}
