// `npx plop llm`: the generator the create-custom-llm bin runs too (generators/llm.ts), taken from the
// build (`npm run build`). So this file needs nothing but type stripping: Node >= 22.18 loads it as it
// is; Node 20 needs NODE_OPTIONS='--import tsx' (see README).
import type { NodePlopAPI } from "node-plop";
import type * as LlmGenerator from "./generators/llm.js";

const BUILT = new URL("./dist/generators/llm.js", import.meta.url);

export default async function plopfile(plop: NodePlopAPI): Promise<void> {
  let generator: typeof LlmGenerator;
  try {
    generator = (await import(BUILT.href)) as typeof LlmGenerator;
  } catch (error) {
    // Plop reports a failing plopfile but exits 0; a script calling it should see the failure.
    process.exitCode = 1;
    const missing = (error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND";
    throw missing ? new Error(`${(error as Error).message}\nRun \`npm run build\` first: plopfile.ts loads the built generator.`) : error;
  }
  generator.registerLlmGenerator(plop);
}
