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

/**
 * The provider a server's address names: "https://api.mistral.ai/v1" → "mistral", "https://api.openai.com"
 * → "openai"; undefined for a local, numeric or one-label host, which names no provider.
 */
export function providerFromUrl(url: string): string | undefined {
  const host = new URL(url).hostname;
  const labels = host.split(".");
  if (labels.length < 2 || /^[\d.]+$/.test(host) || host.startsWith("[") || host.endsWith(".local")) return undefined;
  return kebabCase(labels.at(-2)!) || undefined;
}

/** The provider id of a spec: its own, else the one its server's address names, else the one its class name implies. */
export function providerOf(spec: { name: string; provider?: string | undefined }, url?: string): string {
  return spec.provider ?? (url === undefined ? undefined : providerFromUrl(url)) ?? defaultProvider(spec.name);
}
