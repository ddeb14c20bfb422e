import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SpecInput } from "../../src/spec/schema.js";
import { REPO } from "./paths.js";

/** Every bundled example spec, by file name. */
export function exampleSpecs(): { file: string; spec: SpecInput }[] {
  const dir = join(REPO, "examples");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((file) => ({ file, spec: JSON.parse(readFileSync(join(dir, file), "utf8")) as SpecInput }));
}

/** Specs that cover the template's branches: params of every type, secrets none/one/many, streaming on/off. */
export const VARIED_SPECS: Record<string, SpecInput> = {
  bare: { name: "BareLLM", description: "No params, no secrets, no streaming." },
  bareStreaming: { name: "BareStreamLLM", description: "No params, no secrets.", streaming: true },
  everyType: {
    name: "EveryTypeLLM",
    llmType: "every.type_llm",
    description: "Params of every type, required and optional.",
    docsUrl: "https://example.com/docs?a=1&b=\"2\"",
    params: [
      { name: "modelName", type: "string", description: "Model.", default: "m-1" },
      { name: "endpointId", type: "string", description: "Required string." },
      { name: "maxTokens", type: "number", description: "Required number." },
      { name: "topP", type: "number", description: "Optional number.", optional: true },
      { name: "seed", type: "number", description: "Negative default.", default: -1 },
      { name: "logprobs", type: "boolean", description: "Required boolean." },
      { name: "echo", type: "boolean", description: "Boolean default.", default: false },
      { name: "stopWords", type: "string[]", description: "List default.", default: ["a", "b\"c"] },
      { name: "extraTags", type: "string[]", description: "Optional list.", optional: true },
      { name: "requiredTags", type: "string[]", description: "Required list." },
      { name: "mode", type: { enum: ["fast", "slow", "it's"] }, description: "Enum default.", default: "slow" },
      { name: "region", type: { enum: ["eu", "us"] }, description: "Required enum." },
    ],
    secrets: [{ name: "apiKey", env: "EVERY_API_KEY", description: "Key." }],
    streaming: true,
  },
  manySecretsPlain: {
    name: "VaultLLM",
    description: "Several secrets, no streaming.",
    params: [{ name: "model", type: "string", description: "Model.", default: "v" }],
    secrets: [
      { name: "apiKey", env: "VAULT_API_KEY", description: "Key." },
      { name: "orgSecret", env: "VAULT_ORG_SECRET", description: "Organisation secret." },
      { name: "sessionToken", env: "VAULT_SESSION_TOKEN", description: "Session token." },
    ],
  },
  awkwardText: {
    name: "QuoteLLM",
    description: "Ends comments */ early? `backticks` ${interp} {{mustache}} \"quotes\" 'single' \\ back\\slash\nnew line ünïcödé 🚀 \u2028 sep",
    docsUrl: "https://example.com/a*/b?x='1'",
    params: [
      { name: "style", type: "string", description: "*/ console.log('pwned') /*", default: "*/ `${x}` \" \\" },
      { name: "choice", type: { enum: ["*/", "${x}", "`"] }, description: "Awkward enum values.", default: "${x}" },
    ],
    secrets: [{ name: "apiKey", env: "QUOTE_KEY", description: "*/ secret `key` ${x}" }],
    streaming: true,
  },
};
