import { readFileSync } from "node:fs";
import type { CliOptions } from "./args.js";
import { SpecError } from "../validate/spec-error.js";
import { InputError } from "./errors.js";

/** Reads a spec file as JSON; its content is checked later, with the flags applied. */
export function readSpecFile(path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `Spec file not found: ${path}` : `Cannot read spec ${path}: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(`Spec ${path} must hold a JSON object such as { "name": "AcmeLLM", "description": "..." }`);
  }
  return value as Record<string, unknown>;
}

/** The spec fields a flag sets, and the flag as the user typed it. */
function flagsGiven(options: CliOptions): Map<string, string> {
  const flags = new Map<string, string>();
  if (options.name !== undefined) flags.set("name", "--name");
  if (options.streaming !== undefined) flags.set("streaming", options.streaming ? "--streaming" : "--no-streaming");
  if (options.transport !== undefined) flags.set("transport", "--transport");
  if (options.kind !== undefined) flags.set("kind", "--kind");
  return flags;
}

/**
 * A spec's problems with those of the fields a flag set blamed on the flag (`--kind: must be one of…`),
 * not on the spec file: the spec's own are named under `source`, the flags' under "flags".
 */
export function blameFlags(error: SpecError, options: CliOptions, source: string): SpecError {
  const flags = flagsGiven(options);
  const flagOf = (path: string): string | undefined => flags.get(path.split(/[.[]/, 1)[0]!);
  const issues = error.issues.map((issue) => ({ ...issue, path: flagOf(issue.path) ?? issue.path }));
  const blamed = error.issues.filter((issue) => flagOf(issue.path) !== undefined).length;
  const named = blamed === 0 ? source : blamed === issues.length ? "flags" : `${source} and flags`;
  return new SpecError(issues, named);
}

/** The flags that override spec fields, applied over `spec`. */
export function withFlags(spec: Record<string, unknown>, options: CliOptions): Record<string, unknown> {
  return {
    ...spec,
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.streaming !== undefined ? { streaming: options.streaming } : {}),
    ...(options.transport !== undefined ? { transport: options.transport } : {}),
    ...(options.kind !== undefined ? { kind: options.kind } : {}),
  };
}

/** A spec as a file a later run can replay with --spec: two-space JSON, a final newline. */
export function specFileText(spec: unknown): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}
