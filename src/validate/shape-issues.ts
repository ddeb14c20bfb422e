import { closestMatch } from "leven";
import { z } from "zod";
import { SpecError, type SpecIssue } from "./spec-error.js";

/**
 * zod's issues as a user reads them: each at its JSON path, and an unknown key at its own path with the
 * known key nearest to it ("transprot": did you mean "transport"?), or the known keys when none is near.
 */
export function shapeIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): SpecIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "unrecognized_keys") return [{ path: formatPath(issue.path), message: issue.message }];
    const known = knownKeys(schema, issue.path);
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: unknownKeyMessage(key, known) }));
  });
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  if (known.length === 0) return "is not a known field; remove it";
  // A typo is a letter or two off; past a third of the word it is another word, and no suggestion is better.
  const near = closestMatch(key, known, { maxDistance: Math.max(2, Math.floor(key.length / 3)) });
  if (near !== undefined) return `is not a known field: did you mean "${near}"?`;
  return `is not a known field; the fields here are ${known.map((k) => `"${k}"`).join(", ")}`;
}

/** The keys an object at `path` of `schema` may have (through optional, default, array and union). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let at: z.ZodType[] = [schema];
  for (const step of [...path, undefined]) {
    at = at.flatMap(unwrap);
    if (step === undefined) break;
    at = at.flatMap((s) => {
      if (typeof step === "number") return s instanceof z.ZodArray ? [s.element as z.ZodType] : [];
      return s instanceof z.ZodObject && Object.hasOwn(s.shape, step) ? [s.shape[step as string] as z.ZodType] : [];
    });
  }
  return [...new Set(at.flatMap((s) => (s instanceof z.ZodObject ? Object.keys(s.shape) : [])))];
}

/** The schemas a value may match, past the wrappers that do not change its shape. */
function unwrap(schema: z.ZodType): z.ZodType[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return unwrap(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(unwrap);
  return [schema];
}
/** Formats a path of keys and indexes the way users read JSON: `params[1].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join("");
}

/** Parses `input` with a zod schema; on failure throws a SpecError listing every issue at its path. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, source: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new SpecError(shapeIssues(schema, result.error.issues), source);
}
