import { readFileSync } from "node:fs";
import type { CliOptions } from "./args.js";
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
