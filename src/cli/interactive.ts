import type { LlmAnswers, LlmGeneratorOptions } from "../plop/llm-generator.js";
import type { Inquirer } from "../prompts/ask.js";
import { Cancelled } from "./errors.js";

/**
 * Asks `questions` with `@inquirer/prompts`, as `npx plop llm` asks them. Ctrl-C or the end of input at
 * any prompt rejects with Cancelled; nothing has been written by then.
 */
export async function askWithPrompts<T>(questions: (inquirer: Inquirer) => Promise<T>): Promise<T> {
  const prompts = await import("@inquirer/prompts");
  // The prompts reject with ExitPromptError on Ctrl-C and on a closed input. Should the loop empty while
  // a prompt waits (its promise then never settles), that ends the wait the same way.
  let cancel = (): void => {};
  const ended = new Promise<never>((_, reject) => {
    cancel = () => reject(new Cancelled("Cancelled: nothing was written."));
  });
  process.once("beforeExit", cancel);
  try {
    return await Promise.race([questions(prompts), ended]);
  } catch (error) {
    if (error instanceof Error && error.name === "ExitPromptError") throw new Cancelled("Cancelled: nothing was written.");
    throw error;
  } finally {
    process.off("beforeExit", cancel);
  }
}

/**
 * Asks the `llm` generator's questions of package mode and returns the spec they describe (and the npm
 * scope, unless given).
 */
export async function askInteractively(options: LlmGeneratorOptions): Promise<LlmAnswers> {
  const { askPackageAnswers } = await import("../plop/llm-generator.js");
  return askWithPrompts((prompts) => askPackageAnswers(prompts, options));
}
