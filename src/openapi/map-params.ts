import { camelCase } from "change-case";
import type { SpecInput } from "../spec/schema.js";
import type { TransportDescriptor } from "../transports/index.js";
import { boundsOf, defaultOf, descriptionOf, isDeprecated, paramType } from "./param-type.js";
import { nonNull, objectProperties, type Schema } from "./schema-walk.js";

export type ParamInput = NonNullable<SpecInput["params"]>[number];

/** A request property the spec does not take, and why. */
export interface LeftOut {
  /** The request body key, as the document names it. */
  key: string;
  reason: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The model's default name: the schema's default, else its example, else the first name it lists. */
function modelDefault(schema: Schema): string | undefined {
  const s = nonNull(schema);
  // 3.1 lists `examples`; 3.0 has one `example`.
  const examples = [schema.examples, s.examples].flatMap((e) => (Array.isArray(e) ? e.slice(0, 1) : []));
  for (const value of [schema.default, s.default, schema.example, s.example, ...examples]) if (typeof value === "string" && value !== "") return value;
  const branches = [s, ...(Array.isArray(s.anyOf) ? s.anyOf : []), ...(Array.isArray(s.oneOf) ? s.oneOf : [])] as Schema[];
  for (const b of branches) if (Array.isArray(b.enum) && typeof b.enum[0] === "string") return b.enum[0];
  return undefined;
}

/** One param from one request property, or why it is left out. */
function toParam(key: string, schema: Schema, required: boolean): ParamInput | LeftOut {
  if (isDeprecated(schema)) return { key, reason: "deprecated in the document" };
  const name = camelCase(key);
  if (!IDENTIFIER.test(name)) return { key, reason: `its name gives no identifier for a constructor field ("${name}")` };
  const typed = paramType(schema);
  if ("reason" in typed) return { key, reason: `${typed.reason}: a param is a string, number, boolean, string[] or an enum` };
  // The model is named as a string, whatever names the document lists: new models come out after it.
  const type = key === "model" && typeof typed.type === "object" ? "string" : typed.type;
  const text = descriptionOf(schema) ?? `The \`${key}\` field of the request.`;
  const bounds = type === "number" ? boundsOf(schema) : "";
  if (key === "model") {
    // The model is sent with every request: its default is the name the document shows first.
    const byDefault = modelDefault(schema);
    return { name, type, description: text, ...(byDefault !== undefined ? { default: byDefault } : {}), wire: key };
  }
  // The server applies its own default when the key is absent; sending it would also send keys some
  // models refuse (reasoning_effort to a model without reasoning, parallel_tool_calls without tools).
  // So the schema's default is documented, and the param is left unset unless the document requires it.
  const serverDefault = defaultOf(schema, type);
  const notes = [bounds, serverDefault === undefined ? "" : `The server's default: \`${JSON.stringify(serverDefault)}\`.`].filter(Boolean).join(" ");
  const param: ParamInput = { name, type, description: notes ? `${text}\n\n${notes}` : text };
  if (required && serverDefault !== undefined) param.default = serverDefault;
  else if (!required) param.optional = true;
  // Dropped later where the transport sends the param under this key anyway (src/openapi/derive-spec.ts).
  param.wire = key;
  return param;
}

/**
 * The params of the request body: every property but the text (`messages`, `prompt`) and the keys the
 * wrapper sets itself. A transport that sends params inside one key (Ollama's `options`) takes that key's
 * properties, and at the top only the keys it sends there.
 */
export function mapParams(request: Schema, textKey: string, reserved: readonly string[], transport: TransportDescriptor): { params: ParamInput[]; leftOut: LeftOut[] } {
  const { properties, required } = objectProperties(request);
  const params: ParamInput[] = [];
  const leftOut: LeftOut[] = [];
  const wrapperSets = new Set([textKey, ...reserved]);
  const nested = transport.paramsIn;
  const entries: [string, Schema, boolean][] = [];
  for (const [key, schema] of properties) {
    if (wrapperSets.has(key)) {
      leftOut.push({ key, reason: "the wrapper sets it itself" });
    } else if (nested && key === nested.key) {
      const inner = objectProperties(schema);
      for (const [innerKey, innerSchema] of inner.properties) entries.push([innerKey, innerSchema, inner.required.has(innerKey)]);
    } else if (nested && key !== "model" && !nested.topLevelKeys.has(key)) {
      leftOut.push({ key, reason: `transport "${transport.name}" sends params inside "${nested.key}", and this key at the top of the body is not one it sends there` });
    } else entries.push([key, schema, required.has(key)]);
  }
  const names = new Map<string, string>();
  for (const [key, schema, isRequired] of entries) {
    const result = toParam(key, schema, isRequired);
    if ("reason" in result) {
      leftOut.push(result);
      continue;
    }
    const taken = names.get(result.name);
    if (taken !== undefined) {
      leftOut.push({ key, reason: `its name ${result.name} is the one "${taken}" already takes` });
      continue;
    }
    names.set(result.name, key);
    params.push(result);
  }
  // The model param first: the protocols send it with every request, and users set it first.
  params.sort((a, b) => Number(b.name === "model") - Number(a.name === "model"));
  return { params, leftOut };
}
