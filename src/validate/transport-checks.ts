import { snakeCase } from "change-case";
import type { ModelKind } from "../kinds/kind.js";
import type { Spec } from "../spec/schema.js";
import { modelParamOf } from "../render/context.js";
import { reservedBodyKeys } from "../render/http-context.js";
import type { SpecIssue } from "./spec-error.js";

/** Why a param or secret may not take `name` under the spec's transport: a field that transport adds. */
export function transportFieldProblem(spec: Spec, kind: ModelKind, name: string): string | undefined {
  if (spec.transport === "custom") return undefined;
  const fields = kind.transportFields[spec.transport];
  const what = Object.hasOwn(fields, name) ? fields[name] : undefined;
  return what && `"${name}" is a constructor field transport "${spec.transport}" adds itself (${what}); choose another name`;
}

/** Rules that tie the transport to other fields: what each HTTP protocol needs and what it cannot send. */
export function checkTransport(spec: Spec, kind: ModelKind): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const { transport } = spec;
  const unsupported = kind.unsupported[transport];
  if (unsupported) issues.push({ path: "transport", message: `"${transport}" cannot serve a ${kind.name} model: it ${unsupported}` });
  const protocol = transport === "openai-compatible" || transport === "ollama";
  if (spec.httpJson && transport !== "http-json") {
    issues.push({ path: "httpJson", message: `is only read with transport "http-json"; remove it or set "transport": "http-json"` });
  }
  if (transport === "http-json" && !spec.httpJson) {
    issues.push({ path: "httpJson", message: 'is required with transport "http-json": { "url", "promptField", "responsePath" }' });
  }
  if (spec.baseUrl && !protocol) {
    issues.push({ path: "baseUrl", message: `is only read with transport "openai-compatible" or "ollama"${transport === "http-json" ? '; use httpJson.url' : ""}` });
  }
  if (protocol && !modelParamOf(spec)) {
    issues.push({
      path: "params",
      message: `transport "${transport}" sends the model name: add a string param named "model", e.g. { "name": "model", "type": "string", "default": "llama3.2", "description": "Model name." }`,
    });
  }
  if (transport !== "custom" && spec.secrets.length > 1) {
    issues.push({
      path: "secrets[1]",
      message: `transport "${transport}" sends one secret, as the bearer token; keep only that one (or use transport "custom")`,
    });
  }
  if (transport === "http-json" && spec.httpJson) {
    // Each is its own key of the request body: two of them under one key would be one property twice.
    const seen = new Map<string, string>();
    for (const field of ["promptField", "stopField", "streamField"] as const) {
      const key = spec.httpJson[field];
      if (key === undefined) continue;
      const earlier = seen.get(key);
      if (earlier) {
        issues.push({ path: `httpJson.${field}`, message: `is "${key}", the key httpJson.${earlier} already uses; give each its own request body key` });
      } else seen.set(key, field);
    }
  }
  const reserved = new Set(reservedBodyKeys(spec, kind));
  const model = modelParamOf(spec)?.name;
  /** Which param each body key is taken by: snake_case can send two names under one key (topP, top_p). */
  const sentBy = new Map<string, string>();
  spec.params.forEach((p, i) => {
    if (transport === "custom") return;
    const wire = transport === "http-json" ? p.name : p.name === model ? "model" : snakeCase(p.name);
    if (reserved.has(wire)) {
      issues.push({ path: `params[${i}].name`, message: `is sent as "${wire}", a request body key the wrapper sets itself; choose another name` });
    }
    const earlier = sentBy.get(wire);
    if (earlier !== undefined) {
      issues.push({ path: `params[${i}].name`, message: `is sent as "${wire}", the key param "${earlier}" is sent as; rename one of them` });
    } else sentBy.set(wire, p.name);
  });
  return issues;
}
