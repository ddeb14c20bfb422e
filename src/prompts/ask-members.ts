import { constantCase, noCase } from "change-case";
import { providerOf, providerStem } from "../spec/provider.js";
import type { ParamType, SpecInput } from "../spec/schema.js";
import { askChoice, askText, askYesNo, type Inquirer } from "./ask.js";
import { checkField, LATER } from "./field-check.js";

type ParamInput = NonNullable<SpecInput["params"]>[number];
type SecretInput = NonNullable<SpecInput["secrets"]>[number];
type DefaultValue = NonNullable<ParamInput["default"]>;

const ENUM = Symbol("enum");

const NO_DEFAULT = Symbol("no default");

/**
 * One constructor param: name, type, default (or whether it may be unset) and description. An empty name
 * ends the list: undefined.
 */
export async function askParam(inquirer: Inquirer, spec: SpecInput): Promise<ParamInput | undefined> {
  const at = `params[${spec.params?.length ?? 0}]`;
  const draft: ParamInput = { name: "", type: "string", description: LATER };
  const check = (field: string, change: Partial<ParamInput>) =>
    checkField({ ...spec, params: [...(spec.params ?? []), { ...draft, ...change }] }, `${at}.${field}`);

  const [{ specChoices }, { transportOf }] = await Promise.all([import("../spec/choices.js"), import("../transports/index.js")]);
  // Any identifier is accepted (the spec file's rule too); how the transport sends it is said where it is typed.
  const hint = transportOf(spec.transport).paramNameHint;
  draft.name = await askText(inquirer, `  Param name (${hint}; Enter to end the list):`, {
    validate: (name) => (name === "" ? true : check("name", { name })),
  });
  if (draft.name === "") return undefined;
  // The scalar choices are the schema's own list of type names, so the cast below only restores that.
  const scalars = specChoices().scalarParamTypes.map((t) => ({ name: t, value: t as ParamType }));
  const kind = await askChoice<ParamType | typeof ENUM>(
    inquirer,
    `  Type of ${draft.name}:`,
    [...scalars, { name: "enum (one of a fixed list of strings)", value: ENUM }],
    "string",
  );
  if (kind === ENUM) {
    const values = await askText(inquirer, "  Allowed values, comma-separated:", {
      validate: (text) => check("type", { type: { enum: splitList(text) } }),
    });
    draft.type = { enum: splitList(values) };
  } else {
    draft.type = kind;
  }

  const value = await askDefault(inquirer, draft.type, (v) => check("default", { default: v }));
  if (value !== undefined) {
    draft.default = value;
  } else if (!(await askYesNo(inquirer, `  Must callers pass ${draft.name}? (Enter lets them leave it unset)`, false))) {
    // Optional is what most params are: the provider has its own default.
    draft.optional = true;
  }
  draft.description = await askText(inquirer, `  Describe ${draft.name} (becomes its docstring):`, {
    validate: (description) => check("description", { description }),
  });
  return draft;
}

/** A default value: picked from a list for booleans and enums, typed for the rest; none is allowed. */
async function askDefault(
  inquirer: Inquirer,
  type: ParamType,
  check: (value: DefaultValue) => Promise<true | string>,
): Promise<DefaultValue | undefined> {
  if (type === "boolean" || typeof type === "object") {
    const values = type === "boolean" ? [true, false] : type.enum;
    const choices = [{ name: "(no default)", value: NO_DEFAULT as DefaultValue | typeof NO_DEFAULT }];
    for (const v of values) choices.push({ name: String(v), value: v });
    const picked = await askChoice(inquirer, "  Default value:", choices, NO_DEFAULT);
    return picked === NO_DEFAULT ? undefined : picked;
  }
  const hint = type === "string[]" ? "comma-separated, [] for an empty list, " : "";
  const text = await askText(inquirer, `  Default value (${hint}Enter for none):`, {
    validate: (t) => {
      const value = parseDefault(type, t);
      return value === undefined ? true : check(value);
    },
  });
  return parseDefault(type, text);
}

/** Reads a typed default; text that is not a number stays text, so the spec check says what is wrong. */
export function parseDefault(type: "string" | "number" | "string[]", text: string): DefaultValue | undefined {
  if (text === "") return undefined;
  if (type === "number") return Number.isFinite(Number(text)) ? Number(text) : text;
  if (type === "string[]") return text === "[]" ? [] : splitList(text);
  return text;
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** One secret: the field name, the environment variable it falls back to, and a description. */
export async function askSecret(inquirer: Inquirer, spec: SpecInput): Promise<SecretInput> {
  const at = `secrets[${spec.secrets?.length ?? 0}]`;
  const draft: SecretInput = { name: "", env: "SECRET", description: LATER };
  const check = (field: string, change: Partial<SecretInput>) =>
    checkField({ ...spec, secrets: [...(spec.secrets ?? []), { ...draft, ...change }] }, `${at}.${field}`);

  const first = (spec.secrets?.length ?? 0) === 0;
  draft.name = await askText(inquirer, "  Secret field name (an identifier, e.g. apiKey):", {
    default: first ? "apiKey" : undefined,
    validate: (name) => check("name", { name }),
  });
  draft.env = await askText(inquirer, `  Environment variable read when ${draft.name} is not passed:`, {
    default: defaultEnv({ name: spec.name, provider: spec.provider }, draft.name),
    validate: (env) => check("env", { env }),
  });
  draft.description = await askText(inquirer, `  Describe ${draft.name} (becomes its docstring):`, {
    default: `${providerStem(spec.name)} ${noCase(draft.name).replace(/\bapi\b/g, "API")}.`.trim(),
    validate: (description) => check("description", { description }),
  });
  return draft;
}

/**
 * The variable users of the provider expect: its provider id and the secret's name, `ChatWidget` and
 * `WidgetLLM` + `apiKey` → `WIDGET_API_KEY`.
 */
export function defaultEnv(spec: { name: string; provider?: string | undefined }, secretName: string): string {
  return `${constantCase(providerOf(spec))}_${constantCase(secretName)}`;
}
