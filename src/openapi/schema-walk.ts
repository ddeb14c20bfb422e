/** A JSON Schema object of a dereferenced OpenAPI document: read, never written. */
export type Schema = Readonly<Record<string, unknown>>;

export const isSchema = (value: unknown): value is Schema => typeof value === "object" && value !== null && !Array.isArray(value);

const list = (value: unknown): Schema[] => (Array.isArray(value) ? value.filter(isSchema) : []);

/** A branch that only allows null: `{ type: "null" }` (3.1) or `{ enum: [null] }`. */
const isNullOnly = (s: Schema): boolean =>
  s.type === "null" || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null);

/**
 * The schema with "or null" taken off: 3.0's `nullable`, 3.1's `type: [T, "null"]`, and an `anyOf`/`oneOf`
 * whose one other branch is the schema (the branch's keys, with the outer description and deprecation
 * kept, as OpenAI writes `temperature`).
 */
export function nonNull(schema: Schema): Schema {
  let s = schema;
  if (Array.isArray(s.type)) {
    const types = s.type.filter((t) => t !== "null");
    s = { ...s, type: types.length === 1 ? types[0] : types };
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const branches = list(s[key]);
    if (branches.length === 0) continue;
    const kept = branches.filter((b) => !isNullOnly(b));
    if (kept.length === 1 && kept.length < branches.length) {
      const { [key]: _dropped, ...outer } = s;
      // The outer keys (description, default, deprecated) win over the branch's.
      s = nonNull({ ...kept[0], ...outer });
    }
  }
  return s;
}

/** The branches a value may take: the `anyOf`/`oneOf` ones without null, or the schema itself. */
export function branchesOf(schema: Schema): Schema[] {
  const s = nonNull(schema);
  const branches = [...list(s.anyOf), ...list(s.oneOf)].filter((b) => !isNullOnly(b));
  return branches.length > 0 ? branches.map(nonNull) : [s];
}

/** The properties of an object schema and the ones it requires, `allOf` parts merged in order. */
export function objectProperties(schema: Schema, seen = new Set<Schema>()): { properties: Map<string, Schema>; required: Set<string> } {
  const properties = new Map<string, Schema>();
  const required = new Set<string>();
  const s = nonNull(schema);
  // A dereferenced document may be circular: each schema object is read once.
  if (seen.has(s)) return { properties, required };
  seen.add(s);
  for (const part of list(s.allOf)) {
    const inner = objectProperties(part, seen);
    inner.properties.forEach((value, key) => properties.set(key, value));
    inner.required.forEach((key) => required.add(key));
  }
  if (isSchema(s.properties)) {
    for (const [key, value] of Object.entries(s.properties)) if (isSchema(value)) properties.set(key, value);
  }
  if (Array.isArray(s.required)) for (const key of s.required) if (typeof key === "string") required.add(key);
  return { properties, required };
}

/** Every string in an `enum` or `const` anywhere under `schema`, to find what a message may hold (image parts…). */
export function enumStrings(schema: Schema, depth = 12, seen = new Set<Schema>(), found = new Set<string>()): Set<string> {
  if (depth === 0 || seen.has(schema)) return found;
  seen.add(schema);
  if (Array.isArray(schema.enum)) for (const v of schema.enum) if (typeof v === "string") found.add(v);
  if (typeof schema.const === "string") found.add(schema.const);
  for (const value of Object.values(schema)) {
    const children = Array.isArray(value) ? value : isSchema(value) ? (value === schema.properties ? Object.values(value) : [value]) : [];
    for (const child of children) if (isSchema(child)) enumStrings(child, depth - 1, seen, found);
  }
  return found;
}
