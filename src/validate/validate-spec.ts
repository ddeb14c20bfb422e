import { isIdentifier } from "./is-identifier.js";
import { typeScriptReservedTypes } from "reserved-identifiers";
import { specSchema, type Param, type Spec } from "../spec/schema.js";
import { modelKind, type ModelKind } from "../kinds/index.js";
import { KIND_SPEC_FIELDS } from "../kinds/kind.js";
import { CALL_OPTION_KEYS } from "../render/contract.js";
import { checkablePart } from "./checkable-part.js";
import { shapeIssues } from "./shape-issues.js";
import { SpecError, type SpecIssue } from "./spec-error.js";
import { checkTransport, transportFieldProblem } from "./transport-checks.js";

/** Longest name we accept: long enough for any real name, short enough to keep emitted lines sane. */
const MAX_NAME = 64;
/** Descriptions become docstrings; past this they are a pasted document, not a description. */
const MAX_DESCRIPTION = 2000;

/**
 * Parses and checks a spec. Returns it with defaults filled in, or throws a SpecError naming every field
 * that is wrong and how to fix it. Nothing here touches the file system.
 */
export function validateSpec(input: unknown, source = "spec"): Spec {
  const parsed = specSchema.safeParse(input);
  if (parsed.success) {
    const issues = checkRules(parsed.data, true);
    if (issues.length > 0) throw new SpecError(issues, source);
    return parsed.data;
  }
  // Shape problems do not hide the others: the rules check what is well-formed, in the same pass.
  const part = checkablePart(input, parsed.error.issues);
  const rules = part ? part.issuesOf(checkRules(part.spec, part.kindAndTransport)) : [];
  throw new SpecError([...shapeIssues(specSchema, parsed.error.issues), ...rules], source);
}

/** The field and cross-field rules; those that depend on the kind and transport only when both are known. */
function checkRules(spec: Spec, kindAndTransport: boolean): SpecIssue[] {
  const issues = checkDescriptions(spec);
  if (kindAndTransport) {
    const kind = modelKind(spec.kind);
    issues.unshift(...checkClassName(spec.name, kind));
    issues.push(...checkMembers(spec, kind), ...checkTransport(spec, kind), ...checkKindFields(spec, kind));
  }
  spec.params.forEach((param, i) => issues.push(...checkParam(param, `params[${i}]`)));
  return issues;
}

/** A field the kind does not read would be dropped without a word: it is refused instead. */
function checkKindFields(spec: Spec, kind: ModelKind): SpecIssue[] {
  return KIND_SPEC_FIELDS.filter((field) => spec[field] !== undefined && !kind.specFields.includes(field)).map((field) => ({
    path: field,
    message: `is read by chat models only (LangSmith's ls_provider and createAgent's choice of strategy); remove it, or set "kind": "chat"`,
  }));
}

function checkClassName(name: string, kind: ModelKind): SpecIssue[] {
  const fix = `use another PascalCase name such as "${kind.classExample}"`;
  if (name.length > MAX_NAME) {
    return [{ path: "name", message: `is ${name.length} characters long; keep it to ${MAX_NAME}` }];
  }
  // The class shares its module with our imports and helpers, and must not shadow a global it uses.
  const taken =
    kind.moduleNames.includes(name) ||
    typeScriptReservedTypes().has(name.toLowerCase() as never) ||
    name in globalThis ||
    ["Record", "Partial", "AsyncGenerator", "AsyncIterable", "Promise"].includes(name);
  if (taken) {
    return [{ path: "name", message: `"${name}" collides with a name the generated module uses; ${fix}` }];
  }
  return [];
}

function checkDescriptions(spec: Spec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const check = (path: string, text: string): void => {
    if (text.length > MAX_DESCRIPTION) {
      issues.push({ path, message: `is ${text.length} characters; keep it under ${MAX_DESCRIPTION} (link to longer docs)` });
    }
  };
  check("description", spec.description);
  spec.params.forEach((p, i) => check(`params[${i}].description`, p.description));
  spec.secrets.forEach((s, i) => check(`secrets[${i}].description`, s.description));
  return issues;
}

/** Params and secrets become fields of one class: each name must be usable, unique and not inherited. */
function checkMembers(spec: Spec, kind: ModelKind): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const seen = new Map<string, string>();
  const inherited = kind.inheritedMembers();
  const reservedForTypes = new Set(kind.typeNames(spec.name));
  const members = [
    ...spec.params.map((p, i) => ({ name: p.name, path: `params[${i}].name` })),
    ...spec.secrets.map((s, i) => ({ name: s.name, path: `secrets[${i}].name` })),
  ];
  for (const { name, path } of members) {
    const problem =
      transportFieldProblem(spec, name) ?? memberNameProblem(name, kind.baseClass, inherited, kind.generatedMembers, reservedForTypes);
    if (problem) {
      issues.push({ path, message: problem });
      continue;
    }
    const first = seen.get(name);
    if (first) {
      issues.push({ path, message: `"${name}" is already used by ${first}; give each param and secret its own name` });
      continue;
    }
    seen.set(name, path);
  }
  const envs = new Map<string, number>();
  spec.secrets.forEach((s, i) => {
    const first = envs.get(s.env);
    if (first !== undefined) {
      issues.push({ path: `secrets[${i}].env`, message: `"${s.env}" is already read by secrets[${first}]; use one variable per secret` });
    } else envs.set(s.env, i);
  });
  return issues;
}

function memberNameProblem(
  name: string,
  baseClass: string,
  inherited: ReadonlySet<string>,
  generated: readonly string[],
  types: ReadonlySet<string>,
): string | undefined {
  if (!isIdentifier(name)) return `"${name}" is a reserved word in JavaScript; choose another name, e.g. "${name}Value"`;
  if (name.length > MAX_NAME) return `is ${name.length} characters long; keep it to ${MAX_NAME}`;
  if (inherited.has(name) || generated.includes(name) || name.startsWith("lc_")) {
    return `"${name}" is already a member of LangChain's ${baseClass} class and would override it; choose another name, e.g. "${name}Param"`;
  }
  if (CALL_OPTION_KEYS.includes(name)) {
    return `"${name}" is reported by LangChain itself, from the call's options (invoke(prompt, { stop }), bindTools(tools)); choose another name, e.g. "default${name[0]!.toUpperCase()}${name.slice(1)}"`;
  }
  if (types.has(name)) return `"${name}" collides with a generated type name; choose another name`;
  return undefined;
}

/** Names that hold credentials belong under `secrets`, where they are kept out of logs and traces. */
const SECRET_LIKE = /(api_?key|secret|passw(or)?d|credential|access_?token|auth_?token|bearer|^token$)/i;

function checkParam(param: Param, path: string): SpecIssue[] {
  if (SECRET_LIKE.test(param.name)) {
    return [{ path: `${path}.name`, message: `"${param.name}" looks like a credential; move it to "secrets" (with an "env" variable) so it is never logged or traced` }];
  }
  const type = param.type;
  if (typeof type === "object" && new Set(type.enum).size !== type.enum.length) {
    return [{ path: `${path}.type.enum`, message: "has duplicate values; list each once" }];
  }
  const value = param.default;
  if (value === undefined) return [];
  const at = `${path}.default`;
  if (typeof type === "object") {
    return typeof value === "string" && type.enum.includes(value)
      ? []
      : [{ path: at, message: `must be one of ${type.enum.map((v) => JSON.stringify(v)).join(", ")}` }];
  }
  const ok =
    type === "string[]"
      ? Array.isArray(value)
      : type === "number"
        ? typeof value === "number" && Number.isFinite(value)
        : typeof value === type;
  return ok ? [] : [{ path: at, message: `${JSON.stringify(value)} is not a ${type}; give a ${type} default or remove it` }];
}
