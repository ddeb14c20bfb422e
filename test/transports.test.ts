import { camelCase } from "change-case";
import { describe, expect, it } from "vitest";
import { MODEL_KINDS } from "../src/kinds/index.js";
import type { SpecInput } from "../src/spec/schema.js";
import { TRANSPORT_DESCRIPTORS } from "../src/transports/index.js";
import { TRANSPORT_SPEC_FIELDS } from "../src/transports/transport.js";
import { SpecError, type SpecIssue } from "../src/validate/spec-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";

// The rules a transport's descriptor states are the ones validation applies and rendering follows: these
// walk every descriptor, so a new transport is held to them with no test of its own to remember.

const HTTP_JSON = { url: "https://llm.acme.example/v1/generate", promptField: "input", responsePath: "output.text", stopField: "halt" };

/** A spec each kind can use with `transport`, plus `extra` params after its model param. */
function specFor(kind: keyof typeof MODEL_KINDS, transport: keyof typeof TRANSPORT_DESCRIPTORS, extra: NonNullable<SpecInput["params"]> = []): SpecInput {
  return {
    kind,
    name: kind === "chat" ? "ChatAcme" : "AcmeLLM",
    description: "Acme.",
    transport,
    params: [{ name: "model", type: "string", default: "m", description: "Model." }, ...extra],
    ...(transport === "http-json" ? { httpJson: HTTP_JSON } : {}),
  };
}

function issuesOf(spec: SpecInput): SpecIssue[] {
  try {
    validateSpec(spec);
    return [];
  } catch (error) {
    if (error instanceof SpecError) return [...error.issues];
    throw error;
  }
}

/** Every kind × transport pair the kind can be served over. */
const PAIRS = Object.values(MODEL_KINDS).flatMap((kind) =>
  Object.values(TRANSPORT_DESCRIPTORS)
    .filter((t) => !(t.name in kind.unsupported))
    .map((transport) => ({ kind, transport, label: `${kind.name} over ${transport.name}` })),
);

describe("transport descriptors", () => {
  it.each(PAIRS)("$label: its plain spec is valid", ({ kind, transport }) => {
    expect(issuesOf(specFor(kind.name, transport.name))).toEqual([]);
  });

  it.each(PAIRS)("$label: a param named after a field the transport adds is refused, naming the field's use", ({ kind, transport }) => {
    for (const [field, use] of Object.entries(transport.fields)) {
      const issues = issuesOf(specFor(kind.name, transport.name, [{ name: field, type: "string", description: "F." }]));
      expect(issues).toContainEqual({ path: "params[1].name", message: expect.stringContaining(`adds itself (${use})`) });
    }
  });

  it.each(PAIRS)("$label: a param sent under a body key the wrapper sets is refused", ({ kind, transport }) => {
    const { wireKey } = transport;
    if (!wireKey) return expect(transport.reservedBodyKeys(validateSpec(specFor(kind.name, transport.name)), kind)).toEqual([]);
    const spec = validateSpec(specFor(kind.name, transport.name));
    const reserved = transport.reservedBodyKeys(spec, kind);
    expect(reserved.length).toBeGreaterThan(0);
    for (const key of reserved) {
      // The param name that the transport sends under `key`: as written, or its camelCase for snake_case wires.
      const name = [camelCase(key), key].find((n) => wireKey(n, spec) === key)!;
      const issues = issuesOf(specFor(kind.name, transport.name, [{ name, type: "string", description: "P." }]));
      expect(issues, key).toContainEqual({ path: "params[1].name", message: expect.stringContaining(`sent as "${key}", a request body key`) });
    }
  });

  it.each(PAIRS)("$label: the templates send each param under the key the rules checked", ({ kind, transport }) => {
    const extra = [
      { name: "maxTokens", type: "number", description: "M." },
      { name: "topP", type: "number", description: "T." },
      { name: "keepAlive", type: "string", description: "K." },
    ] as const;
    const spec = validateSpec(specFor(kind.name, transport.name, [...extra]));
    const http = transport.http(spec, kind);
    if (!transport.wireKey) return expect(http).toBe(false);
    expect(http && http.wireParams.map((p) => [p.name, p.wire])).toEqual(spec.params.map((p) => [p.name, transport.wireKey!(p.name, spec)]));
  });

  it("a spec field another transport reads is refused, naming the transports that read it", () => {
    for (const transport of Object.values(TRANSPORT_DESCRIPTORS)) {
      const spec = { ...specFor("llm", transport.name), baseUrl: "https://x.example/v1", httpJson: HTTP_JSON };
      const paths = issuesOf(spec).map((i) => i.path);
      for (const field of TRANSPORT_SPEC_FIELDS) {
        const readers = Object.values(TRANSPORT_DESCRIPTORS).filter((t) => t.specFields.includes(field));
        expect(readers.length).toBeGreaterThan(0);
        expect(paths.includes(field), `${transport.name} ${field}`).toBe(!transport.specFields.includes(field));
      }
    }
  });

  it("a bearer transport takes one secret; a custom one takes several", () => {
    const secrets = [
      { name: "apiKey", env: "ACME_API_KEY", description: "K." },
      { name: "orgSecret", env: "ACME_ORG_SECRET", description: "O." },
    ];
    for (const transport of Object.values(TRANSPORT_DESCRIPTORS)) {
      const paths = issuesOf({ ...specFor("llm", transport.name), secrets }).map((i) => i.path);
      expect(paths.includes("secrets[1]"), transport.name).toBe(transport.secrets === "bearer");
    }
  });
});
