import type { AskOptions } from "../prompts/ask-spec.js";
import type { SpecInput } from "../spec/schema.js";
import { Cancelled } from "./errors.js";

/**
 * Asks the `llm` generator's questions through node-plop, exactly as `npx plop llm` does, and returns the
 * spec they describe. Ctrl-C at any prompt rejects with Cancelled; nothing has been written by then.
 */
export async function askInteractively(options: AskOptions): Promise<SpecInput> {
  const [{ default: nodePlop }, { GENERATOR, registerLlmGenerator }] = await Promise.all([
    import("node-plop"),
    import("../../generators/llm.js"),
  ]);
  const plop = await nodePlop("", { destBasePath: process.cwd(), force: false });
  registerLlmGenerator(plop, options);
  // inquirer answers Ctrl-C by closing its prompt and sending this process SIGINT; the promise it gave
  // us then never settles, so the signal is what ends the wait. Signal listeners do not keep Node's
  // event loop alive, and with the prompt closed nothing else does: this timer does, until we are done.
  const keepAlive = setInterval(() => {}, 60_000);
  let onSigint = (): void => {};
  const interrupted = new Promise<never>((_, reject) => {
    onSigint = () => reject(new Cancelled("Cancelled: nothing was written."));
    process.once("SIGINT", onSigint);
  });
  try {
    // node-plop's answers are untyped; the generator's prompts function is askSpec, which returns a spec.
    return (await Promise.race([plop.getGenerator(GENERATOR).runPrompts(), interrupted])) as SpecInput;
  } finally {
    process.off("SIGINT", onSigint);
    clearInterval(keepAlive);
  }
}
