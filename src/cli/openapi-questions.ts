import type { Inquirer } from "../prompts/ask.js";
import { Cancelled } from "./errors.js";

/**
 * Asks questions through node-plop's inquirer, as the spec's questions are asked (src/cli/interactive.ts):
 * Ctrl-C or Ctrl-D rejects with Cancelled, nothing written.
 */
export async function askWithPlop<T>(questions: (inquirer: Inquirer) => Promise<T>): Promise<T> {
  const { default: nodePlop } = await import("node-plop");
  const plop = await nodePlop("", { destBasePath: process.cwd(), force: false });
  let answer: { value: T } | undefined;
  plop.setGenerator("openapi", {
    description: "questions about an OpenAPI document",
    prompts: async (inquirer) => {
      answer = { value: await questions(inquirer) };
      return {};
    },
    actions: [],
  });
  let cancel = (): void => {};
  const interrupted = new Promise<never>((_, reject) => {
    cancel = () => reject(new Cancelled("Cancelled: nothing was written."));
  });
  process.once("SIGINT", cancel);
  process.once("beforeExit", cancel);
  try {
    await Promise.race([plop.getGenerator("openapi").runPrompts(), interrupted]);
  } finally {
    process.off("SIGINT", cancel);
    process.off("beforeExit", cancel);
  }
  if (!answer) throw new Cancelled("Cancelled: nothing was written.");
  return answer.value;
}
