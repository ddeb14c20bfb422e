import type { ParamType } from "../spec/schema.js";
import { branchesOf, isSchema, nonNull, type Schema } from "./schema-walk.js";

/** A property's type in the spec, or why the spec cannot hold it. */
export type Typed = { type: ParamType } | { reason: string };

const isText = (values: unknown): values is string[] =>
  Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === "string" && v !== "");

/** The type of one branch: integer and number, boolean, string, a string enum, a list of strings. */
function branchType(s: Schema): Typed {
  if (isText(s.enum) && (s.type === undefined || s.type === "string")) return { type: { enum: [...new Set(s.enum)] } };
  if (typeof s.const === "string" && s.const !== "") return { type: { enum: [s.const] } };
  switch (s.type) {
    case "integer":
    case "number":
      return { type: "number" };
    case "boolean":
      return { type: "boolean" };
    case "string":
      return { type: "string" };
    case "array": {
      const items = isSchema(s.items) ? nonNull(s.items) : {};
      if (items.type === "string" || isText(items.enum)) return { type: "string[]" };
      return { reason: `is a list of ${typeof items.type === "string" ? `${items.type}s` : "values"} other than strings` };
    }
    case "object":
      return { reason: "is an object" };
    default:
      return { reason: Array.isArray(s.type) ? `takes several types (${s.type.join(", ")})` : "has no type" };
  }
}

/**
 * The spec type of a property: its one branch's, or the one all branches share (strings and enums read as
 * a string, a union of enums as one enum, as OpenAI's `model` is a string or one of its names).
 */
export function paramType(schema: Schema): Typed {
  const typed = branchesOf(schema).map(branchType);
  const failed = typed.find((t): t is { reason: string } => "reason" in t);
  if (failed) return typed.length === 1 ? failed : { reason: `takes one of several types, one of which ${failed.reason}` };
  const types = typed.map((t) => (t as { type: ParamType }).type);
  if (types.length === 1) return { type: types[0]! };
  if (types.every((t) => typeof t === "object")) return { type: { enum: [...new Set(types.flatMap((t) => (t as { enum: string[] }).enum))] } };
  if (types.every((t) => t === "string" || typeof t === "object")) return { type: "string" };
  if (types.every((t) => t === types[0])) return { type: types[0]! };
  return { reason: `takes one of several types (${types.map((t) => (typeof t === "object" ? "enum" : t)).join(", ")})` };
}

/** The schema's default when it fits the type (a null default means none). */
export function defaultOf(schema: Schema, type: ParamType): string | number | boolean | string[] | undefined {
  const value = schema.default !== undefined ? schema.default : branchesOf(schema).find((b) => b.default !== undefined)?.default;
  if (typeof type === "object") return typeof value === "string" && type.enum.includes(value) ? value : undefined;
  if (type === "number") return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  if (type === "boolean") return typeof value === "boolean" ? value : undefined;
  if (type === "string") return typeof value === "string" ? value : undefined;
  return isText(value) ? value : undefined;
}

/** The bounds of a number, for the docs: "Minimum 0, maximum 2.", or "" when it has none. */
export function boundsOf(schema: Schema): string {
  const s = branchesOf(schema)[0] ?? nonNull(schema);
  const parts: string[] = [];
  const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  if (num(s.minimum)) parts.push(`minimum ${s.minimum}`);
  if (num(s.exclusiveMinimum)) parts.push(`greater than ${s.exclusiveMinimum}`);
  if (num(s.maximum)) parts.push(`maximum ${s.maximum}`);
  if (num(s.exclusiveMaximum)) parts.push(`less than ${s.exclusiveMaximum}`);
  if (parts.length === 0) return "";
  const text = parts.join(", ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Deprecated itself, or in its only branch. */
export function isDeprecated(schema: Schema): boolean {
  return schema.deprecated === true || nonNull(schema).deprecated === true || branchesOf(schema).every((b) => b.deprecated === true);
}

/** The property's description (its own, else its one branch's, else its title), trimmed. */
export function descriptionOf(schema: Schema): string | undefined {
  const candidates = [schema.description, nonNull(schema).description, ...branchesOf(schema).map((b) => b.description), schema.title];
  const found = candidates.find((d): d is string => typeof d === "string" && d.trim() !== "");
  return found?.trim();
}
