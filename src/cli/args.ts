import { parseArgs, type ParseArgsConfig } from "node:util";
import { parseUpdateArgs, type UpdateCliOptions } from "./update-args.js";

/** What the user asked for on the command line, checked for shape only (values are checked later). */
export interface CliOptions {
  target?: string;
  specPath?: string;
  /** --from-openapi: the spec is read from this OpenAPI document; --operation names the operation in it. */
  fromOpenApi?: string;
  operation?: string;
  name?: string;
  /** --streaming / --no-streaming; undefined when neither was given. */
  streaming?: boolean;
  /** Replaces the spec's `transport` (validated with the rest of the spec). */
  transport?: string;
  /** Replaces the spec's `kind`: "llm" or "chat" (validated with the rest of the spec). */
  kind?: string;
  yes: boolean;
  dryRun: boolean;
  force: boolean;
  saveSpec?: string;
  /** Package options (package mode), checked before any question: --scope, --author, --year. */
  packageScope?: string;
  author?: string;
  year?: string;
}

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "generate"; options: CliOptions }
  | { kind: "update-help" }
  | { kind: "update"; options: UpdateCliOptions };

/** The command line itself is wrong: the caller prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

const OPTIONS = {
  spec: { type: "string", short: "s" },
  "from-openapi": { type: "string" },
  operation: { type: "string" },
  name: { type: "string", short: "n" },
  streaming: { type: "boolean" },
  "no-streaming": { type: "boolean" },
  transport: { type: "string", short: "t" },
  kind: { type: "string", short: "k" },
  yes: { type: "boolean", short: "y" },
  "dry-run": { type: "boolean" },
  force: { type: "boolean", short: "f" },
  "save-spec": { type: "string" },
  scope: { type: "string" },
  author: { type: "string" },
  year: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

/** Shown when a string flag is given an empty value. */
const EXAMPLES = {
  spec: "--spec acme.json",
  "from-openapi": "--from-openapi openapi.yaml",
  operation: '--operation createChatCompletion or --operation "POST /v1/chat/completions"',
  name: "--name AcmeLLM",
  transport: "--transport ollama",
  kind: "--kind chat",
  "save-spec": "--save-spec acme.json",
  scope: "--scope @acme",
  author: '--author "Acme Inc."',
  year: "--year 2026",
};

/** Parses argv (without node and the script). Uses only node:util, so --help needs nothing else loaded. */
export function parseCli(argv: string[]): Command {
  if (argv[0] === "update") {
    const update = parseUpdateArgs(argv.slice(1));
    return update === "help" ? { kind: "update-help" } : { kind: "update", options: update };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  if (positionals.length > 1) {
    throw new UsageError(`Expected at most one target folder, got ${positionals.length}: ${positionals.join(" ")}`);
  }
  if (values.streaming && values["no-streaming"]) {
    throw new UsageError("--streaming and --no-streaming contradict each other; pass one of them");
  }
  if (values.spec !== undefined && values["from-openapi"] !== undefined) {
    throw new UsageError("--spec and --from-openapi both give the spec; pass one of them");
  }
  if (values.operation !== undefined && values["from-openapi"] === undefined) {
    throw new UsageError("--operation picks an operation of the document --from-openapi reads; pass --from-openapi <file> too");
  }
  for (const flag of ["spec", "from-openapi", "operation", "name", "transport", "kind", "save-spec", "scope", "author", "year"] as const) {
    if (values[flag] === "") throw new UsageError(`--${flag} needs a value, e.g. ${EXAMPLES[flag]}`);
  }
  return {
    kind: "generate",
    options: {
      target: positionals[0],
      specPath: values.spec,
      fromOpenApi: values["from-openapi"],
      operation: values.operation,
      name: values.name,
      streaming: values.streaming ? true : values["no-streaming"] ? false : undefined,
      transport: values.transport,
      kind: values.kind,
      yes: values.yes ?? false,
      dryRun: values["dry-run"] ?? false,
      force: values.force ?? false,
      saveSpec: values["save-spec"],
      packageScope: values.scope,
      author: values.author,
      year: values.year,
    },
  };
}
