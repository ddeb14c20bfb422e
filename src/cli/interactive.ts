import type { LlmAnswers, LlmGeneratorOptions } from "../plop/llm-generator.js";
import { Cancelled } from "./errors.js";

/**
 * Asks the `llm` generator's questions through node-plop, exactly as `npx plop llm` does, and returns the
 * spec they describe (and the npm scope, unless given). Ctrl-C at any prompt rejects with Cancelled;
 * nothing has been written by then.
 */
export async function askInteractively(options: LlmGeneratorOptions): Promise<LlmAnswers> {
  const [{ default: nodePlop }, { GENERATOR, registerLlmGenerator }] = await Promise.all([
    import("node-plop"),
    import("../plop/llm-generator.js"),
  ]);
  const plop = await nodePlop("", { destBasePath: process.cwd(), force: false });
  registerLlmGenerator(plop, options);
  // inquirer answers Ctrl-C by closing its prompt and sending this process SIGINT, and Ctrl-D by closing
  // its input; either way the promise it gave us never settles. A signal listener does not keep Node's
  // event loop alive, so the loop may empty first: both ends of the wait count as cancelling.
  let cancel = (): void => {};
  const interrupted = new Promise<never>((_, reject) => {
    cancel = () => reject(new Cancelled("Cancelled: nothing was written."));
  });
  process.once("SIGINT", cancel);
  process.once("beforeExit", cancel);
  try {
    // node-plop's answers are untyped; the generator's prompts function returns LlmAnswers.
    return (await Promise.race([plop.getGenerator(GENERATOR).runPrompts(), interrupted])) as LlmAnswers;
  } finally {
    process.off("SIGINT", cancel);
    process.off("beforeExit", cancel);
  }
}
