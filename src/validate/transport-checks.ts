import type { ModelKind } from "../kinds/kind.js";
import type { Spec } from "../spec/schema.js";
import { TRANSPORT_DESCRIPTORS, transportOf } from "../transports/index.js";
import { TRANSPORT_SPEC_FIELDS, type TransportDescriptor } from "../transports/transport.js";
import type { SpecIssue } from "./spec-error.js";

/** Why a param or secret may not take `name` under the spec's transport: a field that transport adds. */
export function transportFieldProblem(spec: Spec, name: string): string | undefined {
  const { fields } = transportOf(spec.transport);
  const what = Object.hasOwn(fields, name) ? fields[name] : undefined;
  return what && `"${name}" is a constructor field transport "${spec.transport}" adds itself (${what}); choose another name`;
}

/**
 * Rules that tie the transport to the other fields: the kind must be able to use it, its own rules, the
 * fields only other transports read, the one secret a bearer token carries, and the request body keys.
 */
export function checkTransport(spec: Spec, kind: ModelKind): SpecIssue[] {
  const transport = transportOf(spec.transport);
  const unsupported = kind.unsupported[transport.name];
  if (unsupported) return [{ path: "transport", message: `"${transport.name}" cannot serve a ${kind.name} model: it ${unsupported}` }];
  const issues = [...fieldsReadElsewhere(spec, transport), ...transport.check(spec, kind)];
  if (transport.secrets === "bearer" && spec.secrets.length > 1) {
    issues.push({
      path: "secrets[1]",
      message: `transport "${transport.name}" sends one secret, as the bearer token; keep only that one (or use transport "custom")`,
    });
  }
  return [...issues, ...httpOnlyFields(spec, transport), ...bodyKeyClashes(spec, kind, transport)];
}

/** Headers the HTTP transports set themselves: a secret sent in one would replace it. */
const OWN_HEADERS = new Set(["content-type", "accept", "content-length", "host"]);

/** A param's `wire` and a secret's `header` say how an HTTP request carries them: without one they would be ignored. */
function httpOnlyFields(spec: Spec, transport: TransportDescriptor): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const http = transport.wireKey !== undefined;
  spec.params.forEach((p, i) => {
    if (p.wire !== undefined && !http) {
      issues.push({ path: `params[${i}].wire`, message: `is only read by the HTTP transports; transport "${transport.name}" sends no request body of its own: remove it` });
    }
  });
  spec.secrets.forEach((s, i) => {
    if (s.header === undefined) return;
    if (!http) issues.push({ path: `secrets[${i}].header`, message: `is only read by the HTTP transports; with transport "${transport.name}" your own call sends the secret: remove it` });
    else if (OWN_HEADERS.has(s.header.toLowerCase())) issues.push({ path: `secrets[${i}].header`, message: `"${s.header}" is a header the wrapper sets itself; name the provider's API key header, e.g. "x-api-key"` });
  });
  return issues;
}

/** A spec field another transport reads (baseUrl, httpJson) is a mistake under this one: say which reads it. */
function fieldsReadElsewhere(spec: Spec, transport: TransportDescriptor): SpecIssue[] {
  return TRANSPORT_SPEC_FIELDS
    .filter((field) => spec[field] !== undefined && !transport.specFields.includes(field))
    .map((field) => {
      const readers = Object.values(TRANSPORT_DESCRIPTORS).filter((t) => t.specFields.includes(field));
      const names = readers.map((t) => `"${t.name}"`).join(" or ");
      const fix = transport.insteadOf?.[field] ?? (readers.length === 1 ? `remove it or set "transport": ${names}` : "remove it");
      return { path: field, message: `is only read with transport ${names}; ${fix}` };
    });
}

/** Each param is sent under its own body key, and never under one the wrapper sets itself. */
function bodyKeyClashes(spec: Spec, kind: ModelKind, transport: TransportDescriptor): SpecIssue[] {
  const { wireKey } = transport;
  if (!wireKey) return [];
  const issues: SpecIssue[] = [];
  const reserved = new Set(transport.reservedBodyKeys(spec, kind));
  /** Which param each body key is taken by: snake_case can send two names under one key (topP, top_p). */
  const sentBy = new Map<string, string>();
  spec.params.forEach((p, i) => {
    const wire = wireKey(p.name, spec);
    if (reserved.has(wire)) {
      const field = p.wire === undefined ? "name" : "wire";
      issues.push({ path: `params[${i}].${field}`, message: `is sent as "${wire}", a request body key the wrapper sets itself; choose another ${field}` });
    }
    const earlier = sentBy.get(wire);
    if (earlier !== undefined) {
      issues.push({ path: `params[${i}].${p.wire === undefined ? "name" : "wire"}`, message: `is sent as "${wire}", the key param "${earlier}" is sent as; rename one of them` });
    } else sentBy.set(wire, p.name);
  });
  return issues;
}
