import { existsSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { kebabCase } from "change-case";
import type { GeneratedFile } from "../render/render.js";
import { PROVIDER_METHOD } from "../render/contract.js";
import type { Spec } from "../spec/schema.js";
import { SpecError } from "../validate/spec-error.js";
import { TypecheckError } from "../validate/typecheck-error.js";
import { recoverInterrupted } from "../write/recover.js";
import { TargetNotEmptyError, existingFiles, writeFiles } from "../write/write-files.js";
import type { CliOptions } from "./args.js";
import { Cancelled, InputError } from "./errors.js";
import { collectSpec } from "./collect-spec.js";
import { exitOnInterrupt, uninterrupted } from "./interrupt.js";
import { nextSteps } from "./next-steps.js";
import { packageFlags } from "./package-flags.js";
import { specFileText } from "./spec-file.js";
import { targetProblem } from "./target.js";

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);
/** A path as the user would type it from here. */
const shown = (path: string): string => relative(process.cwd(), path) || ".";

/** Gets the spec (file, flags or questions), generates, writes; reports and returns the exit code. */
export async function run(options: CliOptions): Promise<number> {
  try {
    return await generate(options);
  } catch (error) {
    if (error instanceof Cancelled) {
      err(`\n${error.message}`);
      return 130;
    }
    if (error instanceof InputError || error instanceof SpecError || error instanceof TargetNotEmptyError) {
      err(error.message);
      return 2;
    }
    if (error instanceof TypecheckError) {
      err(`${error.message}\nThis is a bug in create-custom-llm (or in a template override); please report it with your spec.`);
      return 1;
    }
    throw error;
  }
}

async function generate(options: CliOptions): Promise<number> {
  const { force, dryRun, saveSpec } = options;
  /** Why a folder may not be written into; --force and --dry-run lift the refusal. */
  const refusal = (dir: string): string | undefined => (force || dryRun ? undefined : targetProblem(dir, shown(dir)));
  // What can be refused before any question is asked, is.
  const given = options.target === undefined ? undefined : resolve(options.target);
  // A write into this folder that a kill interrupted is rolled back first, so what is refused is the user's.
  if (given && !dryRun) recoverInterrupted(given).forEach((message) => err(message));
  const early = given && refusal(given);
  if (early) throw new InputError(early);
  if (saveSpec && !force && !dryRun && existsSync(saveSpec)) {
    throw new InputError(`${saveSpec} exists already; choose another --save-spec file or pass --force to replace it`);
  }
  const pkg = await packageFlags(options);

  const input = await collectSpec(options, (name) => refusal(resolve(kebabCase(name))));
  exitOnInterrupt();
  const { validateSpec } = await import("../validate/validate-spec.js");
  let spec: Spec;
  try {
    spec = validateSpec(input.spec, input.source);
  } catch (error) {
    if (error instanceof SpecError && input.hint) throw new InputError(`${error.message}\n${input.hint}`);
    throw error;
  }
  const target = given ?? resolve(kebabCase(spec.name));
  const late = refusal(target);
  if (late) throw new InputError(late);

  // Generating takes seconds (prettier, then a type-check against @langchain/core): say so in a terminal.
  if (process.stdout.isTTY) out(`\nGenerating ${spec.name} in ${shown(target)}…`);
  const { generateFiles } = await import("../generate.js");
  const files = await generateFiles(input.spec, { source: input.source, ...pkg, packageScope: pkg.packageScope ?? input.packageScope });
  if (dryRun) {
    reportDryRun(target, files, saveSpec);
    return 0;
  }
  await uninterrupted(async () => {
    await writeFiles(target, files, { force, onRecovered: (message) => err(message) });
    if (saveSpec) writeFileSync(saveSpec, specFileText(input.spec));
  });
  reportWritten(target, files, spec, saveSpec);
  return 0;
}

function reportDryRun(target: string, files: readonly GeneratedFile[], saveSpec: string | undefined): void {
  const existing = new Set(existingFiles(target, files));
  out(`Would write ${files.length} files to ${shown(target)}:`);
  for (const f of files) out(`  ${f.path}${existing.has(f.path) ? " (exists)" : ""}`);
  if (saveSpec) out(`Would save the spec to ${saveSpec}${existsSync(saveSpec) ? " (exists)" : ""}`);
  const problem = targetProblem(target, shown(target));
  if (problem) out(`\nWithout --force nothing would be written: ${problem}`);
  out("\nDry run: nothing was written.");
}

function reportWritten(target: string, files: readonly GeneratedFile[], spec: Spec, saveSpec: string | undefined): void {
  out(`Wrote ${files.length} files to ${shown(target)}:`);
  for (const f of files) out(`  ${f.path}`);
  if (saveSpec) out(`\nSaved the spec to ${saveSpec}; replay this run with --spec ${saveSpec}`);
  out("\nNext:");
  for (const command of nextSteps(process.env.npm_config_user_agent, shown(target))) out(`  ${command}`);
  const method = spec.streaming ? PROVIDER_METHOD.streaming : PROVIDER_METHOD.plain;
  out(`Then fill in ${method}() in src/${kebabCase(spec.name)}.ts with the call to your provider.`);
}
