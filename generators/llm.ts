// The `llm` Plop generator, defined once: plopfile.ts registers it for `npx plop llm`, and the
// create-custom-llm bin registers it on its own node-plop instance, so both ask the same questions.
import { join, relative } from "node:path";
import { kebabCase } from "change-case";
import type { CustomActionFunction, NodePlopAPI } from "node-plop";
import { askSpec, type AskOptions } from "../src/prompts/ask-spec.js";
import type { SpecInput } from "../src/spec/schema.js";

export const GENERATOR = "llm";
const ACTION = "custom-llm";

/** Registers the generator and its action; `options` pre-answers questions (the bin's flags). */
export function registerLlmGenerator(plop: NodePlopAPI, options: AskOptions = {}): void {
  plop.setActionType(ACTION, writeWrapper);
  plop.setGenerator(GENERATOR, {
    description: "a typed LangChain.js LLM wrapper: the class, its vitest tests, a docs page, in a package",
    prompts: (inquirer) => askSpec(inquirer, options),
    actions: [{ type: ACTION }],
  });
}

/**
 * Writes `<dest>/<kebab-case name>/` with our own pipeline (private Handlebars, prettier, type-check), all
 * files or none. Not plop's `add` actions: node-plop's Handlebars escapes HTML in every value.
 */
const writeWrapper: CustomActionFunction = async (answers, config, plop) => {
  const { generateInto } = await import("../src/generate.js");
  // The answers are what askSpec returned: a spec.
  const spec = answers as SpecInput;
  const target = join(plop.getDestBasePath(), kebabCase(spec.name));
  const files = await generateInto(target, spec, { force: config.force === true });
  return `${relative(process.cwd(), target) || "."}/ (${files.map((f) => f.path).join(", ")})`;
};
