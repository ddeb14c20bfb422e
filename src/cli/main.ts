#!/usr/bin/env node
// Entry point of `create-custom-llm`. Only node: built-ins load before the arguments are read, so --help
// and --version answer at once; prompts (@inquirer/prompts) and the pipeline (zod, prettier, TypeScript)
// load when they are needed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import { parseCli, UsageError, type Command } from "./args.js";
import { UPDATE_USAGE, USAGE } from "./usage.js";

/**
 * Exit codes: 0 done, 1 generation failed (a bug of ours), 2 bad input, 130 cancelled; 1, 2, 130 wrote
 * nothing. `update` adds 3 (written with conflicts) and 4 (written; the merged code does not type-check).
 */
export async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command.kind === "version") {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (command.kind === "update-help") {
    process.stdout.write(UPDATE_USAGE);
    return 0;
  }
  if (command.kind === "update") {
    const { runUpdate } = await import("./update.js");
    return runUpdate(command.options);
  }
  const { run } = await import("./run.js");
  return run(command.options);
}

/**
 * A reader that closes early (`… | head -1`) ends our output, not the run: what is written to disk and
 * the exit code stay what they were. Any other error of a standard stream is still a crash.
 */
const ignoreClosedPipe = (error: NodeJS.ErrnoException): void => {
  if (error.code !== "EPIPE") throw error;
};
process.stdout.on("error", ignoreClosedPipe);
process.stderr.on("error", ignoreClosedPipe);

process.exitCode = await main(process.argv.slice(2));
