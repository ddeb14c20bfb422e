import { derivedTypeNames, GENERATED_MEMBERS, MODULE_NAMES } from "../render/contract.js";
import { llmMemberNames } from "../validate/llm-members.js";
import type { ModelKind } from "./kind.js";

/** A text-completion `LLM`: a prompt in, text out. */
export const llmKind: ModelKind = {
  name: "llm",
  label: "LLM: text completion (a prompt in, text out)",
  // An LLM answers with its text.
  answerText: (invoke) => `await ${invoke}`,
  classExample: "AcmeLLM",
  specFields: [],
  baseClass: "LLM",
  templates: { class: "wrapper/llm.ts.hbs", test: "wrapper/llm.test.ts.hbs", docs: "wrapper/docs.md.hbs" },
  partialFolder: "",
  endpoints: {
    "openai-compatible": { path: "/completions", name: "OpenAI's completions API", reference: "`@langchain/openai`'s `OpenAI`" },
    ollama: { path: "/api/generate", name: "Ollama's generate API", reference: "`@langchain/ollama`'s `Ollama`" },
  },
  reservedBodyKeys: { "openai-compatible": ["prompt", "stop", "stream"], ollama: ["stop"] },
  unsupported: {},
  inheritedMembers: llmMemberNames,
  generatedMembers: GENERATED_MEMBERS,
  moduleNames: MODULE_NAMES,
  typeNames: derivedTypeNames,
};
