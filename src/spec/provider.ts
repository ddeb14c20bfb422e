import { kebabCase } from "change-case";

/**
 * The provider's name as written in the class name, with the kind's affixes taken off:
 * "AcmeLLM" → "Acme", "ChatAcme" → "Acme", "WidgetChatModel" → "Widget". Empty when the name is only affixes.
 */
export function providerStem(className: string): string {
  return className.replace(/^Chat(?=[A-Z])/, "").replace(/(ChatModel|LLM|Llm|Model|Chat)$/, "");
}

/** The provider id used when a spec names none: "ChatAcme" and "AcmeLLM" → "acme". */
export function defaultProvider(className: string): string {
  return kebabCase(providerStem(className) || className);
}

/** The provider id of a spec: its own, or the one its class name implies. */
export function providerOf(spec: { name: string; provider?: string | undefined }): string {
  return spec.provider ?? defaultProvider(spec.name);
}
