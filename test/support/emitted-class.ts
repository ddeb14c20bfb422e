import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { generateInto } from "../../src/generate.js";
import { REPO } from "./paths.js";

/**
 * Generates an example spec (with `change` applied) into `dir/<module>` and imports its class, for tests
 * that run the emitted model beside LangChain's own.
 */
export async function emittedClass(
  dir: string,
  file: string,
  className: string,
  module: string,
  change: Record<string, unknown> = {},
): Promise<new (fields: object) => BaseChatModel> {
  const spec = { ...JSON.parse(readFileSync(join(REPO, "examples", file), "utf8")), ...change };
  const target = join(dir, module);
  await generateInto(target, spec);
  const exports = (await import(join(target, "src", `${module}.ts`))) as Record<string, new (fields: object) => BaseChatModel>;
  return exports[className]!;
}
