import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./args.js";

/** `create-custom-llm update [dir] [options]`, checked for shape only. */
export interface UpdateCliOptions {
  dir: string;
  specPath?: string;
  name?: string;
  all: boolean;
  adopt: boolean;
  dryRun: boolean;
  /** Ask the spec's questions again in a terminal, the recorded answers as defaults. */
  ask: boolean;
  /** Package flags, for --adopt: the record keeps them from then on. */
  packageScope?: string;
  author?: string;
  year?: string;
}

const OPTIONS = {
  spec: { type: "string", short: "s" },
  name: { type: "string", short: "n" },
  all: { type: "boolean" },
  adopt: { type: "boolean" },
  "dry-run": { type: "boolean" },
  ask: { type: "boolean" },
  scope: { type: "string" },
  author: { type: "string" },
  year: { type: "string" },
  help: { type: "boolean", short: "h" },
} satisfies ParseArgsConfig["options"];

/** Parses the words after `update`; `help` when --help was asked. Uses only node:util. */
export function parseUpdateArgs(argv: string[]): UpdateCliOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`update: ${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals.length > 1) throw new UsageError(`update takes at most one folder, got ${positionals.length}: ${positionals.join(" ")}`);
  for (const flag of ["spec", "name", "scope", "author", "year"] as const) {
    if (values[flag] === "") throw new UsageError(`--${flag} needs a value`);
  }
  if (values.adopt && values.spec === undefined) throw new UsageError("update --adopt needs the wrapper's spec: --adopt --spec <file.json>");
  if (values.all && (values.spec !== undefined || values.name !== undefined)) {
    throw new UsageError("--all updates every recorded wrapper from its own record: leave out --spec and --name, or --all");
  }
  if (values.ask && (values.spec !== undefined || values.all || values.adopt)) {
    throw new UsageError("--ask asks one recorded wrapper's questions again: leave out --spec, --all and --adopt");
  }
  const pkgFlag = (["scope", "author", "year"] as const).find((flag) => values[flag] !== undefined);
  if (pkgFlag && !values.adopt) throw new UsageError(`--${pkgFlag} is for --adopt: an update keeps the package flags in its record (edit them there)`);
  return {
    dir: positionals[0] ?? ".",
    specPath: values.spec,
    name: values.name,
    all: values.all ?? false,
    adopt: values.adopt ?? false,
    dryRun: values["dry-run"] ?? false,
    ask: values.ask ?? false,
    packageScope: values.scope,
    author: values.author,
    year: values.year,
  };
}
