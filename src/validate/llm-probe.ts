import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { LLM } from "@langchain/core/language_models/llms";

/**
 * Every member name an `LLM` and a `BaseChatModel` subclass instance has, read from the real
 * @langchain/core: a constructor param of the same name would shadow it. Run by `npm run build:members`
 * (which writes llm-members.generated.ts) and by test/validate.test.ts, which fails when that file no
 * longer matches the installed core.
 */
export function probeLlmMembers(): string[] {
  class Probe extends LLM {
    _llmType(): string {
      return "probe";
    }
    async _call(): Promise<string> {
      return "";
    }
  }
  return memberNames(new Probe({}));
}

export function probeChatModelMembers(): string[] {
  class Probe extends BaseChatModel {
    _llmType(): string {
      return "probe";
    }
    async _generate(): Promise<never> {
      throw new Error("a probe is never called");
    }
  }
  return memberNames(new Probe({}));
}

function memberNames(instance: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = instance; o; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) names.add(key);
  }
  return [...names].sort();
}
