import type { TransportDescriptor } from "./transport.js";

/** The user writes the call: one provider method, which gets the prompt, the params and every secret. */
export const custom: TransportDescriptor = {
  name: "custom",
  summary: "you fill in one method with your provider's SDK or API call",
  paramNameHint: "an identifier, e.g. maxTokens",
  secrets: "any",
  fields: {},
  specFields: [],
  structuredMethod: "functionCalling",
  // The user's call gets the tool choice and passes it on as the provider takes it.
  toolChoice: true,
  // What the user's call does with tools and formats is theirs to say: only tool calling is assumed.
  profile: { toolCalling: true, toolChoice: true },
  ask: async () => ({}),
  check: () => [],
  reservedBodyKeys: () => [],
  http: () => false,
};
