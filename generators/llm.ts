// `npx plop llm` in this repo: plopfile.ts loads this entry point from the build. The generator itself is
// defined in src/plop/llm-generator.ts, which the create-custom-llm bin uses too.
export { GENERATOR, registerLlmGenerator, type LlmAnswers, type LlmGeneratorOptions } from "../src/plop/llm-generator.js";
