#!/usr/bin/env node
// Entry point of `create-custom-llm`. Only node: built-ins load before the arguments are read, so --help
// and --version answer at once; prompts (node-plop, inquirer) and the pipeline (zod, prettier, TypeScript)
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

process.exitCode = await main(process.argv.slice(2));
