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
  return [...issues, ...bodyKeyClashes(spec, kind, transport)];
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
      issues.push({ path: `params[${i}].name`, message: `is sent as "${wire}", a request body key the wrapper sets itself; choose another name` });
    }
    const earlier = sentBy.get(wire);
    if (earlier !== undefined) {
      issues.push({ path: `params[${i}].name`, message: `is sent as "${wire}", the key param "${earlier}" is sent as; rename one of them` });
    } else sentBy.set(wire, p.name);
  });
  return issues;
}
