import type { PackageOptions } from "./package/package-options.js";
import type { SpecInput } from "./spec/schema.js";
import { formatFiles } from "./render/format.js";
import { renderFiles, type GeneratedFile, type OutputMode } from "./render/render.js";
import { validateSpec } from "./validate/validate-spec.js";
import { writeFiles, type WriteOptions } from "./write/write-files.js";

export interface GenerateOptions extends PackageOptions {
  mode?: OutputMode;
  /** Where templates are read from; tests point it at a deliberately broken copy. */
  templatesDir?: string;
  /** Where the spec came from, for error messages, e.g. a file name. */
  source?: string;
  /** Checks the formatted files; default: in this thread. The CLI passes a worker started at launch. */
  typecheck?: (files: readonly GeneratedFile[]) => Promise<void>;
}

/** The in-thread check, loaded only when used: TypeScript is the heaviest thing we load. */
async function typecheckHere(files: readonly GeneratedFile[]): Promise<void> {
  const { typecheckFiles } = await import("./validate/typecheck.js");
  typecheckFiles(files);
}

/**
 * The whole pipeline but the write: validate → render → prettier → type-check. Throws SpecError for bad
 * input and TypecheckError for emitted code that does not compile; returns the files otherwise.
 */
export async function generateFiles(input: unknown, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const spec = validateSpec(input, options.source);
  const files = await formatFiles(renderFiles(spec, options.mode, options.templatesDir, options));
  await (options.typecheck ?? typecheckHere)(files);
  return files;
}

export type { GeneratedFile, OutputMode, PackageOptions, SpecInput };

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
