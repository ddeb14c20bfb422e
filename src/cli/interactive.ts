import type { LlmAnswers, LlmGeneratorOptions } from "../plop/llm-generator.js";
import { Cancelled } from "./errors.js";

/**
 * Asks the `llm` generator's questions of package mode, with the prompts `npx plop llm` asks them with,
 * and returns the spec they describe (and the npm scope, unless given). Ctrl-C or the end of input at
 * any prompt rejects with Cancelled; nothing has been written by then.
 */
export async function askInteractively(options: LlmGeneratorOptions): Promise<LlmAnswers> {
  const [prompts, { askPackageAnswers }] = await Promise.all([import("@inquirer/prompts"), import("../plop/llm-generator.js")]);
  // The prompts reject with ExitPromptError on Ctrl-C and on a closed input. Should the loop empty while
  // a prompt waits (its promise then never settles), that ends the wait the same way.
  let cancel = (): void => {};
  const ended = new Promise<never>((_, reject) => {
    cancel = () => reject(new Cancelled("Cancelled: nothing was written."));
  });
  process.once("beforeExit", cancel);
  try {
    return await Promise.race([askPackageAnswers(prompts, options), ended]);
  } catch (error) {
    if (error instanceof Error && error.name === "ExitPromptError") throw new Cancelled("Cancelled: nothing was written.");
    throw error;
  } finally {
    process.off("beforeExit", cancel);
  }
}
