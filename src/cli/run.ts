import { existsSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { kebabCase } from "change-case";
import type { GeneratedFile } from "../render/render.js";
import type { Spec } from "../spec/schema.js";
import { SpecError } from "../validate/spec-error.js";
import { TypecheckError } from "../check/typecheck-error.js";
import { recoverInterrupted } from "../write/recover.js";
import { TargetNotEmptyError, existingFiles, writeFiles } from "../write/write-files.js";
import type { CliOptions } from "./args.js";
import { Cancelled, InputError } from "./errors.js";
import { ANSWERS_SOURCE, collectSpec, type CollectedSpec } from "./collect-spec.js";
import { exitOnInterrupt, uninterrupted } from "./interrupt.js";
import { nextSteps, shellQuote, transportSteps } from "./next-steps.js";
import { packageFlags } from "./package-flags.js";
import { blameFlags, specFileText } from "./spec-file.js";
import { targetProblem } from "./target.js";

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);
/** A path as the user would type it from here. */
const shown = (path: string): string => relative(process.cwd(), path) || ".";

/** The file system refused a write (ENOTDIR, EACCES, ENOSPC…): a Node system error, not a bug of ours. */
const isSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";

/** Gets the spec (file, flags or questions), generates, writes; reports and returns the exit code. */
export async function run(options: CliOptions): Promise<number> {
  /** Said after the error when the run failed after the questions: where the answers were kept. */
  const kept: string[] = [];
  try {
    return await generate(options, kept);
  } catch (error) {
    const code = report(error);
    if (code === undefined) throw error;
    kept.forEach(err);
    return code;
  }
}

/** Prints a failure the user can act on and returns its exit code; undefined for anything else (a crash). */
function report(error: unknown): number | undefined {
  if (error instanceof Cancelled) {
    err(`\n${error.message}`);
    return 130;
  }
  if (error instanceof InputError || error instanceof SpecError || error instanceof TargetNotEmptyError) {
    err(error.message);
    return 2;
  }
  if (isSystemError(error)) {
    err(`Nothing was written: ${error.message}`);
    return 2;
  }
  if (error instanceof TypecheckError) {
    err(`${error.message}\nThis is a bug in create-custom-llm (or in a template override); please report it with your spec.`);
    return 1;
  }
  return undefined;
}

async function generate(options: CliOptions, kept: string[]): Promise<number> {
  const { force, dryRun, saveSpec } = options;
  /** Why a folder may not be written into; --force and --dry-run lift the refusal. */
  const refusal = (dir: string, fix?: string): string | undefined => (force || dryRun ? undefined : targetProblem(dir, shown(dir), fix));
  // What can be refused before any question is asked, is.
  const given = options.target === undefined ? undefined : resolve(options.target);
  // A write into this folder that a kill interrupted is rolled back first, so what is refused is the user's.
  if (given && !dryRun) recoverInterrupted(given).forEach((message) => err(message));
  const early = given && refusal(given);
  if (early) throw new InputError(early);
  if (saveSpec && !force && !dryRun && existsSync(saveSpec)) {
    throw new InputError(`${saveSpec} exists already; choose another --save-spec file or pass --force to replace it`);
  }
  if (saveSpec && !existsSync(dirname(resolve(saveSpec)))) {
    throw new InputError(`--save-spec ${saveSpec}: the folder ${shown(dirname(resolve(saveSpec)))} does not exist; create it or choose another file`);
  }
  const pkg = await packageFlags(options);

  // The class name decides the folder when none is given: a taken one is refused where the name is typed.
  const input = await collectSpec(options, (name, asked) =>
    refusal(
      resolve(kebabCase(name)),
      asked
        ? "Type another class name here, or press Ctrl-C and run again with a target folder (create-custom-llm <folder>) or --force."
        : "Pass another --name, a target folder (create-custom-llm <folder>), or --force to write into it.",
    ),
  );
  exitOnInterrupt();
  try {
    return await generateFrom(input, given, options, pkg);
  } catch (error) {
    // Nothing typed is lost: answers that failed to generate are kept as a spec file to fix and replay.
    if (input.source === ANSWERS_SOURCE && !(error instanceof Cancelled)) kept.push(...keepAnswers(input, options));
    throw error;
  }
}

async function generateFrom(input: CollectedSpec, given: string | undefined, options: CliOptions, pkg: Awaited<ReturnType<typeof packageFlags>>): Promise<number> {
  const { force, dryRun, saveSpec } = options;
  const { validateSpec } = await import("../validate/validate-spec.js");
  let spec: Spec;
  try {
    spec = validateSpec(input.spec, input.source);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const blamed = input.source === ANSWERS_SOURCE ? error : blameFlags(error, options, input.source);
    throw input.hint ? new InputError(`${blamed.message}\n${input.hint}`) : blamed;
  }
  const target = given ?? resolve(kebabCase(spec.name));
  const late = force || dryRun ? undefined : targetProblem(target, shown(target));
  if (late) throw new InputError(late);

  // Generating takes seconds (prettier, then a type-check against @langchain/core): say so in a terminal.
  if (process.stdout.isTTY) out(`\nGenerating ${spec.name} in ${shown(target)}…`);
  const { generateFiles } = await import("../generate.js");
  const packageScope = pkg.packageScope ?? input.packageScope;
  const files = await generateFiles(input.spec, { source: input.source, ...pkg, packageScope });
  if (dryRun) {
    reportDryRun(target, files, saveSpec);
    return 0;
  }
  await uninterrupted(async () => {
    await writeFiles(target, files, { force, onRecovered: (message) => err(message) });
    if (saveSpec) writeFileSync(saveSpec, specFileText(input.spec));
  });
  reportWritten(target, files, spec, saveSpec, saveSpec && replayCommand(saveSpec, options, packageScope));
  return 0;
}

/**
 * The command that replays a run from its saved spec: the spec holds the class, the package flags
 * (--scope, --author, --year) and the target folder do not, so they are given again.
 */
function replayCommand(specFile: string, options: CliOptions, packageScope: string | undefined): string {
  const words = ["create-custom-llm"];
  if (options.target !== undefined) words.push(options.target);
  words.push("--spec", specFile);
  if (packageScope !== undefined) words.push("--scope", packageScope);
  if (options.author !== undefined) words.push("--author", options.author);
  if (options.year !== undefined) words.push("--year", options.year);
  return words.map(shellQuote).join(" ");
}

/**
 * Saves typed answers that failed to generate (to --save-spec's file, else a new file named after the
 * class) and says how to replay them. Returns the lines to print after the error.
 */
function keepAnswers(input: CollectedSpec, options: CliOptions): string[] {
  const name = (input.spec as { name?: unknown }).name;
  const stem = typeof name === "string" && name !== "" ? kebabCase(name) : "custom-llm";
  let file = options.saveSpec;
  for (let n = 1; file === undefined || (existsSync(file) && file !== options.saveSpec); n++) {
    file = `${stem}-answers${n === 1 ? "" : `-${n}`}.json`;
  }
  try {
    writeFileSync(file, specFileText(input.spec));
  } catch {
    return ["Your answers as a spec, to save and replay with --spec:", specFileText(input.spec).trimEnd()];
  }
  return [
    `Your answers are saved in ${file}. Fix what is named above (in that file, or the folder), then replay them:`,
    `  ${replayCommand(file, options, input.packageScope ?? options.packageScope)}`,
  ];
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

function reportWritten(target: string, files: readonly GeneratedFile[], spec: Spec, saveSpec: string | undefined, replay: string | undefined): void {
  out(`Wrote ${files.length} files to ${shown(target)}:`);
  for (const f of files) out(`  ${f.path}`);
  if (saveSpec) out(`\nSaved the spec to ${saveSpec}; replay this run with:\n  ${replay}`);
  out("\nNext:");
  for (const command of nextSteps(process.env.npm_config_user_agent, shown(target))) out(`  ${command}`);
  for (const line of transportSteps(spec, process.env.npm_config_user_agent)) out(line);
}
