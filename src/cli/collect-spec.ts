import type { SpecInput } from "../spec/schema.js";
import type { CliOptions } from "./args.js";
import { InputError } from "./errors.js";
import { readSpecFile, withFlags } from "./spec-file.js";

/** How errors name a spec that was typed in: "Invalid spec from your answers (1 problem)". */
export const ANSWERS_SOURCE = "spec from your answers";

export interface CollectedSpec {
  /** The spec as given, not yet validated. */
  spec: object;
  /** Where it came from, for error messages. */
  source: string;
  /** Said after validation errors when nothing was asked: how to supply what is missing. */
  hint?: string;
  /** The npm scope, when it was asked (not part of the spec, so not saved by --save-spec). */
  packageScope?: string;
}

/**
 * Where the spec comes from: a spec file with the flags over it (never asks), the flags alone when no
 * question may be asked (--yes, or no terminal on stdin, as in CI), or else the generator's questions.
 * `refusal` says why a class name's default folder may not be written into, and what to do: `asked` when
 * the name is being typed at the question, else it came from --name.
 */
export async function collectSpec(options: CliOptions, refusal: (name: string, asked: boolean) => string | undefined): Promise<CollectedSpec> {
  if (options.specPath) return { spec: withFlags(readSpecFile(options.specPath), options), source: options.specPath };
  if (options.fromOpenApi) {
    const { specFromOpenApi } = await import("./from-openapi.js");
    const spec = await specFromOpenApi({ ...options, fromOpenApi: options.fromOpenApi });
    return { spec: withFlags(spec as Record<string, unknown>, options), source: `spec from ${options.fromOpenApi}` };
  }
  if (options.yes || !process.stdin.isTTY) {
    const why = options.yes ? "--yes was given" : "stdin is not a terminal";
    const or = options.yes ? "leave out --yes" : "run it in a terminal";
    return {
      spec: withFlags({}, options),
      source: "spec from the flags",
      hint: `Nothing was asked because ${why}: pass --spec <file.json> (see examples/acme.json), or ${or} to answer the questions.`,
    };
  }
  const { name, streaming, transport, target } = options;
  if (name !== undefined) {
    const { checkField, LATER } = await import("../prompts/field-check.js");
    const problem = await checkField({ name, description: LATER }, "name");
    if (problem !== true) throw new InputError(`Invalid --name: ${problem}`);
    const taken = target === undefined ? refusal(name, false) : undefined;
    if (taken) throw new InputError(taken);
  }
  const { askInteractively } = await import("./interactive.js");
  // With no target folder given, a class name whose folder is taken is refused as it is typed.
  const checkName = target === undefined ? (typed: string) => refusal(typed, true) ?? true : undefined;
  // --kind and --transport answer their questions: a bad one is refused before the first question.
  for (const field of ["kind", "transport"] as const) {
    if (options[field] === undefined) continue;
    const { checkField, LATER } = await import("../prompts/field-check.js");
    const problem = await checkField({ name: "Check", description: LATER, kind: options.kind, transport } as SpecInput, field);
    if (problem !== true) throw new InputError(`Invalid --${field}: ${problem}`);
  }
  const answers = await askInteractively({ name, streaming, kind: options.kind, transport, checkName, packageScope: options.packageScope });
  return { spec: answers.spec, source: ANSWERS_SOURCE, packageScope: answers.packageScope };
}
