// The `llm` Plop generator: plopfile.ts (`npx plop llm` in this repo, through generators/llm.ts) registers it
// in package mode, generators/load.ts (`plop.load("create-custom-llm")` in a team's repo) in wrapper mode.
// The create-custom-llm bin (src/cli/interactive.ts) asks package mode's questions without plop, through
// askPackageAnswers: all ask the same questions with the same prompts. node-plop is imported for its types
// only, so the bin runs without it (an optional peer dependency).
import { existsSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { kebabCase } from "change-case";
import type { CustomActionFunction, NodePlopAPI } from "node-plop";
import { prewarmSoon } from "../prewarm.js";
import type { Inquirer } from "../prompts/ask.js";
import { askSpec, type AskOptions } from "../prompts/ask-spec.js";
import type { SpecInput } from "../spec/schema.js";
import type { MissingPackage } from "../config/check-repo.js";

export const GENERATOR = "llm";
const ACTION = "custom-llm";

export interface LlmGeneratorOptions extends AskOptions {
  /**
   * "package" (default): a new package in `<dest>/<kebab-name>/`, and the npm scope is asked.
   * "wrapper": the class, test and docs only, into the repo at plop's dest, following its conventions.
   */
  mode?: "package" | "wrapper";
  /** Package mode: the scope given up front (the bin's --scope); the question is then skipped. */
  packageScope?: string;
  /** Replace existing files even when plop's own `force` did not reach the action (see load.ts). */
  force?: boolean;
}

/** What the prompts return and the action receives: the spec, and package mode's scope. */
export interface LlmAnswers {
  spec: SpecInput;
  packageScope?: string;
}

/** Registers the generator and its action; `options` pre-answers questions (the bin's flags). */
export function registerLlmGenerator(plop: NodePlopAPI, options: LlmGeneratorOptions = {}): void {
  const wrapper = options.mode === "wrapper";
  plop.setActionType(ACTION, wrapper ? writeWrapper(options.force === true) : writePackage);
  plop.setGenerator(GENERATOR, {
    description: wrapper
      ? "a typed LangChain.js LLM wrapper in this repo: the class, its vitest tests and a docs page, following custom-llm.config.json"
      : "a typed LangChain.js LLM wrapper: the class, its vitest tests, a docs page, in a package",
    // Asked with @inquirer/prompts, as the bin asks them, not with the inquirer plop hands over.
    prompts: async (): Promise<LlmAnswers> => {
      const prompts = await import("@inquirer/prompts");
      try {
        if (!wrapper) return await askPackageAnswers(prompts, options);
        prewarmSoon(plop.getDestBasePath());
        return { spec: await askSpec(prompts, await wrapperAskOptions(plop.getDestBasePath(), options)) };
      } catch (error) {
        // Ctrl-C or the end of input at a question: plop reports the error and exits 1, having written nothing.
        if (error instanceof Error && error.name === "ExitPromptError") throw new Error("Cancelled: nothing was written.");
        throw error;
      }
    },
    actions: [{ type: ACTION }],
  });
}

/** Package mode's questions: the spec's, then the npm scope unless given. The bin asks these too. */
export async function askPackageAnswers(inquirer: Inquirer, options: LlmGeneratorOptions): Promise<LlmAnswers> {
  // The run after the questions, warmed up while they are answered.
  prewarmSoon();
  const spec = await askSpec(inquirer, options);
  if (options.packageScope !== undefined) return { spec };
  prewarmSoon(undefined, spec);
  const { askPackageScope } = await import("../prompts/ask-package.js");
  return { spec, packageScope: await askPackageScope(inquirer) };
}

/**
 * Wrapper mode checks the repo before the first question (plop prints the error and exits 1): its config
 * (a SpecError naming the field), the packages the emitted files import, and its override templates. A
 * class name whose files exist already is refused as it is typed.
 */
async function wrapperAskOptions(root: string, options: LlmGeneratorOptions): Promise<AskOptions> {
  const [{ loadConfig }, { applyConfigToSpec, wrapperLayout }, { missingPackages }] = await Promise.all([
    import("../config/load-config.js"),
    import("../config/apply-config.js"),
    import("../config/check-repo.js"),
  ]);
  const config = loadConfig(root);
  const missing = missingPackages(root);
  if (missing.length > 0) throw new Error(await missingMessage(root, missing));
  const { checkOverrides } = await import("../generate.js");
  checkOverrides(config);
  if (options.force) return options;
  const checkName = (name: string): true | string => {
    const { name: className } = applyConfigToSpec({ name }, config) as { name: string };
    const taken = Object.values(wrapperLayout(className, config).paths).filter((path) => existsSync(join(root, path)));
    return taken.length === 0 ? true : `${taken.join(", ")} exist${taken.length === 1 ? "s" : ""} already: choose another name, or run plop with --force`;
  };
  return { ...options, checkName };
}

/** Which packages the repo must add before the wrapper is written, and the commands that add them. */
async function missingMessage(root: string, missing: readonly MissingPackage[]): Promise<string> {
  const [{ addCommands }, { toolVersions }] = await Promise.all([import("../config/check-repo.js"), import("../render/versions.js")]);
  const v = toolVersions();
  const why = missing.map((p) => `${p.name} (${p.dev ? "the test imports it" : "the class imports it"})`).join(" and ");
  const commands = addCommands(root, missing, { "@langchain/core": `^${v.langchainCore}`, vitest: `^${v.vitest}` });
  return [`This repo's package.json does not list ${why}. Add ${missing.length === 1 ? "it" : "them"}, then run again:`, ...commands.map((c) => `  ${c}`), "Nothing was written."].join("\n");
}

/** What an earlier, killed write into the same place left, and what was done about it. */
const onRecovered = (message: string): void => void process.stderr.write(`${message}\n`);

/**
 * Writes `<dest>/<kebab-case name>/` with our own pipeline (private Handlebars, prettier, type-check), all
 * files or none. Not plop's `add` actions: node-plop's Handlebars escapes HTML in every value.
 */
const writePackage: CustomActionFunction = async (answers, config, plop) => {
  const { generateInto } = await import("../generate.js");
  // The answers are what the prompts function above returned.
  const { spec, packageScope } = answers as LlmAnswers;
  const target = join(plop.getDestBasePath(), kebabCase(spec.name));
  const files = await generateInto(target, spec, { force: config.force === true, packageScope, onRecovered });
  return `${relative(process.cwd(), target) || "."}/ (${files.map((f) => f.path).join(", ")})`;
};

/** Adds the wrapper's three files to the repo at plop's dest (the loading plopfile's folder, or --dest). */
const writeWrapper =
  (force: boolean): CustomActionFunction =>
  async (answers, config, plop) => {
    const [{ generateWrapperInto }, { loadConfig }, { recordPaths }] = await Promise.all([
      import("../generate.js"),
      import("../config/load-config.js"),
      import("../record/record.js"),
    ]);
    const { spec } = answers as LlmAnswers;
    const root = plop.getDestBasePath();
    const files = await generateWrapperInto(root, spec, { force: force || config.force === true, onRecovered });
    const written = files.map((f) => f.path).join(", ");
    const wrappers = recordPaths(root).length;
    if (wrappers < 2) return written;
    const conventions = loadConfig(root);
    if (conventions.sharedHelpers !== undefined) return written;
    // Plop prints what an action returns: the one place a plop user reads after the questions.
    const module = posix.join(conventions.folders.class, "llm-helpers.ts");
    return (
      `${written}\n  The ${wrappers} wrappers here each carry a copy of the same helpers. To keep them in one module, ` +
      `set "sharedHelpers": "${module}" in the repo's conventions (${conventions.source}), then run: create-custom-llm update --all`
    );
  };
