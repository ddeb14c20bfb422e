// The record of a generation: one JSON file per wrapper, written with the wrapper's files in the same
// write, that `create-custom-llm update` regenerates and merges from (docs/update.md). It holds the spec
// as given, the package flags, the generator's version and the pristine output: the old generator is not
// needed to know what it wrote, so an update works offline and across versions.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { packageRoot } from "../paths.js";
import type { GeneratedFile, OutputMode } from "../render/render.js";
import { parseOrThrow } from "../validate/shape-issues.js";
import { SpecError } from "../validate/spec-error.js";

/** Where records live, at the package root or the repo root: committed, never published. */
export const RECORD_DIR = ".custom-llm";

/** The record of the wrapper class `className`, relative to the package or repo root. */
export const recordPath = (className: string): string => `${RECORD_DIR}/${className}.json`;

const ABOUT =
  "Written by create-custom-llm. `create-custom-llm update` regenerates this wrapper from `spec` and merges the result " +
  "into your edited files, taking `files` (the output as generated) as the common base. Edit `spec` to change the " +
  "wrapper; leave `files` alone. Commit this file. See docs/update.md of create-custom-llm.";

const recordSchema = z.object({
  about: z.string().optional(),
  generator: z.object({ name: z.string(), version: z.string() }),
  mode: z.enum(["package", "wrapper"]),
  spec: z.record(z.string(), z.unknown(), { error: 'must be the wrapper\'s spec, an object such as { "name": "AcmeLLM", ... }' }),
  package: z
    .object({ packageScope: z.string().optional(), author: z.string().optional(), year: z.number().int().optional() })
    .strict()
    .optional(),
  files: z.record(z.string(), z.string(), { error: "must map each generated file's path to its text as generated" }),
});

export type GenerationRecord = z.output<typeof recordSchema>;
export type RecordedPackage = NonNullable<GenerationRecord["package"]>;

let version: string | undefined;
/** This generator's version, from its package.json. */
export function generatorVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
  return version;
}

/** The record file for `files`, the output of `spec` (as given) in `mode`; no date in it, so regenerating the same spec gives the same bytes. */
export function recordFile(className: string, spec: unknown, mode: OutputMode, pkg: RecordedPackage | undefined, files: readonly GeneratedFile[]): GeneratedFile {
  const record: GenerationRecord = {
    about: ABOUT,
    generator: { name: "create-custom-llm", version: generatorVersion() },
    mode,
    spec: withoutSchemaLink(spec as Record<string, unknown>),
    ...(pkg ? { package: pkg } : {}),
    files: Object.fromEntries(files.map((f) => [f.path, f.contents])),
  };
  return { path: recordPath(className), contents: `${JSON.stringify(record, null, 2)}\n` };
}

/** A spec file's `$schema` is relative to where that file was: wrong from the record's folder. */
function withoutSchemaLink(spec: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _link, ...rest } = spec;
  return rest;
}

/** Reads and checks one record; a bad one is a SpecError naming the field, like a bad spec. */
export function readRecord(root: string, path: string): GenerationRecord {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(root, path), "utf8"));
  } catch (error) {
    throw new SpecError([{ path: "(root)", message: `is not valid JSON: ${(error as Error).message}` }], path);
  }
  return parseOrThrow(recordSchema, value, path);
}

/** The records under `root`, by path relative to it, sorted. */
export function recordPaths(root: string): string[] {
  const dir = join(root, RECORD_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => `${RECORD_DIR}/${name}`);
}
