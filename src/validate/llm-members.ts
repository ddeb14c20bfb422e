import { LLM } from "@langchain/core/language_models/llms";

let cached: ReadonlySet<string> | undefined;

/**
 * Every member name an `LLM` subclass instance has, read from the real @langchain/core at run time: a
 * constructor param of the same name would shadow it. Reading it beats a hand-kept list that goes stale
 * with each core release.
 */
export function llmMemberNames(): ReadonlySet<string> {
  if (cached) return cached;
  class Probe extends LLM {
    _llmType(): string {
      return "probe";
    }
    async _call(): Promise<string> {
      return "";
    }
  }
  const names = new Set<string>();
  for (let o: object | null = new Probe({}); o; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) names.add(key);
  }
  cached = names;
  return names;
}
