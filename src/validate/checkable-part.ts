import type { z } from "zod";
import { specSchema, type Spec } from "../spec/schema.js";
import { formatPath } from "./shape-issues.js";
import type { SpecIssue } from "./spec-error.js";

/** Optional fields of a param or secret: when one is malformed, the rest of the member is still checked. */
const OPTIONAL_MEMBER_FIELDS = new Set(["default", "optional"]);
/** Stand-ins for a malformed required field, so the fields beside it are checked; rules about them are dropped. */
const STAND_INS: Record<string, string> = { name: "SpecWithAMalformedName", description: "-" };

/**
 * The part of a spec with shape problems that the field and cross-field rules can still check: unknown
 * keys and malformed optional fields left out, a param or secret with a malformed required field left
 * out. `issuesOf` maps the rules' findings back to the spec as written (a member's index, and nothing
 * about a field that was left out, since its shape problem says it already).
 */
export interface CheckablePart {
  spec: Spec;
  /** The kind and transport are as written: the rules that depend on them mean something. */
  kindAndTransport: boolean;
  issuesOf(issues: readonly SpecIssue[]): SpecIssue[];
}

export function checkablePart(input: unknown, issues: readonly z.core.$ZodIssue[]): CheckablePart | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const copy: Record<string, unknown> = structuredClone(input as Record<string, unknown>);
  const removed = new Set<string>();
  const dropped = { params: new Set<number>(), secrets: new Set<number>() };
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      const owner = valueAt(copy, path);
      if (typeof owner !== "object" || owner === null) return undefined;
      for (const key of issue.keys) delete (owner as Record<string, unknown>)[key];
      continue;
    }
    const [top, index, field] = path;
    if (typeof top !== "string") return undefined;
    if ((top === "params" || top === "secrets") && typeof index === "number") {
      const member = valueAt(copy, [top, index]);
      if (path.length === 3 && typeof field === "string" && OPTIONAL_MEMBER_FIELDS.has(field) && typeof member === "object" && member !== null) {
        // Left out, a malformed default is simply not checked again: the member's other rules still apply.
        delete (member as Record<string, unknown>)[field];
        continue;
      }
      dropped[top].add(index);
      removed.add(formatPath([top, index]));
      continue;
    }
    removed.add(top);
    if (Object.hasOwn(STAND_INS, top)) copy[top] = STAND_INS[top];
    else delete copy[top];
  }
  const kept = { params: [] as number[], secrets: [] as number[] };
  for (const list of ["params", "secrets"] as const) {
    const value = copy[list];
    if (!Array.isArray(value)) continue;
    copy[list] = value.filter((_, i) => !dropped[list].has(i));
    kept[list] = value.map((_, i) => i).filter((i) => !dropped[list].has(i));
  }
  const parsed = specSchema.safeParse(copy);
  if (!parsed.success) return undefined;
  const isRemoved = (path: string): boolean =>
    [...removed].some((r) => path === r || path.startsWith(`${r}.`) || path.startsWith(`${r}[`) || r.startsWith(`${path}.`) || r.startsWith(`${path}[`));
  return {
    spec: parsed.data,
    kindAndTransport: !removed.has("kind") && !removed.has("transport"),
    issuesOf: (found) =>
      found
        .map((i) => ({ ...i, path: i.path.replace(/^(params|secrets)\[(\d+)\]/, (_, list: "params" | "secrets", n: string) => `${list}[${kept[list][Number(n)]}]`) }))
        .filter((i) => !isRemoved(i.path)),
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at = root;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
