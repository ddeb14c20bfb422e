import type { CliOptions } from "./args.js";
import { InputError } from "./errors.js";
import { readSpecFile, withFlags } from "./spec-file.js";

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
 * `refusal` says why a class name's default folder may not be written into.
 */
export async function collectSpec(options: CliOptions, refusal: (name: string) => string | undefined): Promise<CollectedSpec> {
  if (options.specPath) return { spec: withFlags(readSpecFile(options.specPath), options), source: options.specPath };
  if (options.yes || !process.stdin.isTTY) {
    const why = options.yes ? "--yes was given" : "stdin is not a terminal";
    const or = options.yes ? "leave out --yes" : "run it in a terminal";
    return {
      spec: withFlags({}, options),
      source: "flags",
      hint: `Nothing was asked because ${why}: pass --spec <file.json> (see examples/acme.json), or ${or} to answer the questions.`,
    };
  }
  const { name, streaming, target } = options;
  if (name !== undefined) {
    const { checkField, LATER } = await import("../prompts/field-check.js");
    const problem = await checkField({ name, description: LATER }, "name");
    if (problem !== true) throw new InputError(`Invalid --name: ${problem}`);
    const taken = target === undefined ? refusal(name) : undefined;
    if (taken) throw new InputError(taken);
  }
  const { askInteractively } = await import("./interactive.js");
  // With no target folder given, a class name whose folder is taken is refused as it is typed.
  const checkName = target === undefined ? (typed: string) => refusal(typed) ?? true : undefined;
  const answers = await askInteractively({ name, streaming, kind: options.kind, checkName, packageScope: options.packageScope });
  return { spec: withFlags({ ...answers.spec }, options), source: "your answers", packageScope: answers.packageScope };
}
