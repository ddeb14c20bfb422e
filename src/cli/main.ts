#!/usr/bin/env node
// Entry point of `create-custom-llm`. Only node: built-ins load before the arguments are read, so --help
// and --version answer at once; the generator pipeline (ts-morph, prettier) loads when it is needed.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import { USAGE } from "./usage.js";

const OPTIONS = {
  spec: { type: "string", short: "s" },
  transport: { type: "string", short: "t" },
  yes: { type: "boolean", short: "y" },
  force: { type: "boolean" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

/** Exit codes: 0 done, 1 generation failed (a bug of ours), 2 bad input or usage, nothing written. */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (positionals.length > 1) {
    process.stderr.write(`Expected one target folder, got ${positionals.length}: ${positionals.join(" ")}\n`);
    return 2;
  }
  if (!values.spec) {
    process.stderr.write("Missing --spec: pass a spec file, e.g. --spec examples/acme.json (see --help).\n");
    return 2;
  }
  const { run } = await import("./run.js");
  return run({ specPath: values.spec, transport: values.transport, target: positionals[0], force: values.force ?? false, dryRun: values["dry-run"] ?? false });
}

process.exitCode = await main(process.argv.slice(2));
