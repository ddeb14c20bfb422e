import type { SpecInput } from "./spec/schema.js";
import { formatFiles } from "./render/format.js";
import { renderFiles, type GeneratedFile, type OutputMode } from "./render/render.js";
import { typecheckFiles } from "./validate/typecheck.js";
import { validateSpec } from "./validate/validate-spec.js";
import { writeFiles, type WriteOptions } from "./write/write-files.js";

export interface GenerateOptions {
  mode?: OutputMode;
  /** Where templates are read from; tests point it at a deliberately broken copy. */
  templatesDir?: string;
  /** Where the spec came from, for error messages, e.g. a file name. */
  source?: string;
}

/**
 * The whole pipeline but the write: validate → render → prettier → type-check. Throws SpecError for bad
 * input and TypecheckError for emitted code that does not compile; returns the files otherwise.
 */
export async function generateFiles(input: unknown, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const spec = validateSpec(input, options.source);
  const files = await formatFiles(renderFiles(spec, options.mode, options.templatesDir));
  typecheckFiles(files);
  return files;
}

export type { GeneratedFile, OutputMode, SpecInput };

/**
 * Generates and writes into `target`: all files or none. Any failure before the write (bad spec, code that
 * does not type-check) leaves the target untouched.
 */
export async function generateInto(
  target: string,
  input: unknown,
  options: GenerateOptions & WriteOptions = {},
): Promise<GeneratedFile[]> {
  const files = await generateFiles(input, options);
  await writeFiles(target, files, options);
  return files;
}
