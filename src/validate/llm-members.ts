import { LLM_MEMBERS } from "./llm-members.generated.js";

let cached: ReadonlySet<string> | undefined;

/**
 * Every member name an `LLM` subclass instance has: a constructor param of the same name would shadow it.
 * Read from the real class at build time (llm-probe.ts), not at run time: loading @langchain/core costs
 * ~0.35 s of every run, and the version is pinned, so the list cannot differ.
 */
export function llmMemberNames(): ReadonlySet<string> {
  cached ??= new Set(LLM_MEMBERS);
  return cached;
}
