import { modelKind } from "../kinds/index.js";
import type { Spec, SpecInput } from "../spec/schema.js";
import { transportOf } from "../transports/index.js";
import { SpecError } from "../validate/spec-error.js";
import { validateSpec } from "../validate/validate-spec.js";
import { inferShape, type Shape } from "./infer-shape.js";
import { mapParams, type LeftOut, type ParamInput } from "./map-params.js";
import { mapSecrets } from "./map-secrets.js";
import { classNameOf, descriptionOf, docsUrlOf, profileOf, providerFromDocument, titleOf } from "./map-info.js";
import { OpenApiError } from "./openapi-error.js";
import { requestSchema, type Operation } from "./pick-operation.js";
import type { OpenApiDocument } from "./read-document.js";

/** A spec read from one operation of a document, and what of the request it leaves out. */
export interface DerivedSpec {
  spec: SpecInput;
  leftOut: LeftOut[];
  /** `POST /chat/completions`. */
  operation: string;
  /** Said when the shape fell back to a custom transport. */
  note?: string;
  /** The constructor field that sends extra request body fields (`modelKwargs`), when the transport has one. */
  extraBody?: string;
}

/** The param's `wire` is kept only where the transport would not send it under that key anyway. */
function keepNeededWireKeys(spec: SpecInput, params: ParamInput[]): void {
  const transport = transportOf(spec.transport);
  const wireKey = transport.wireKey;
  for (const param of params) {
    if (param.wire === undefined) continue;
    const { wire, ...rest } = param;
    const plain = { ...spec, params: params.map((p) => (p === param ? rest : p)) } as Spec;
    if (!wireKey || wireKey(param.name, plain) === wire) delete param.wire;
  }
}

/**
 * Params the spec's own rules refuse (a name a base class member takes, such as `metadata`, or one a
 * transport adds) are left out with the rule's words, so the rest of the document still gives a class.
 */
function dropRefusedParams(spec: SpecInput, leftOut: LeftOut[]): SpecInput {
  for (let round = 0; round < 3; round++) {
    try {
      validateSpec(spec, "derived spec");
      return spec;
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      const refused = new Map<number, string>();
      for (const issue of error.issues) {
        const index = /^params\[(\d+)\]/.exec(issue.path)?.[1];
        if (index !== undefined && !refused.has(Number(index))) refused.set(Number(index), issue.message);
      }
      if (refused.size === 0) return spec;
      const params = spec.params ?? [];
      refused.forEach((message, i) => leftOut.push({ key: params[i]!.wire ?? params[i]!.name, reason: `the spec's rules refuse it: ${message}` }));
      spec = { ...spec, params: params.filter((_, i) => !refused.has(i)) };
    }
  }
  return spec;
}

export function deriveSpec(api: OpenApiDocument, op: Operation, file: string): DerivedSpec {
  const request = requestSchema(op);
  if (!request) throw new OpenApiError(`${op.label} in ${file} has no JSON request body: name an operation that takes messages or a prompt`);
  const shape: Shape = inferShape(api, op, request, file);
  const title = titleOf(api);
  const url = shape.baseUrl ?? shape.httpJson?.url ?? undefined;
  const provider = providerFromDocument(url, title);
  const kind = modelKind(shape.kind);
  const transport = transportOf(shape.transport);
  const base: SpecInput = { kind: shape.kind, name: classNameOf(shape.kind, provider, title), description: descriptionOf(api, op, shape.kind, title) };
  const draft = { ...base, transport: shape.transport, httpJson: shape.httpJson, params: [], secrets: [] } as unknown as Spec;
  // The custom transport has no body keys of its own: it leaves out what any protocol's wrapper sets.
  // Both protocols set `stream` on every request, whether or not their kind lists it among the keys a
  // param must not be sent under (Ollama's params go in `options`, where no `stream` can clash).
  const reserved = transport.wireKey
    ? [...transport.reservedBodyKeys(draft, kind), ...(shape.baseUrl ? ["stream"] : [])]
    : Object.values(kind.reservedBodyKeys).flat();
  const { params, leftOut } = mapParams(request, shape.textKey, reserved, transport);
  const secrets = mapSecrets(api, op, provider, title);
  const docsUrl = docsUrlOf(api, op);
  // The provider id and the profile are read by the kinds that list them (a chat model), refused by the others.
  const profile = kind.specFields.includes("profile") ? profileOf(request) : undefined;
  let spec: SpecInput = {
    ...base,
    ...(kind.specFields.includes("provider") ? { provider } : {}),
    ...(docsUrl ? { docsUrl } : {}),
    transport: shape.transport,
    ...(shape.baseUrl ? { baseUrl: shape.baseUrl } : {}),
    ...(shape.httpJson ? { httpJson: shape.httpJson } : {}),
    streaming: shape.streaming,
    params,
    secrets: secrets.secrets,
    ...(profile ? { profile } : {}),
  };
  keepNeededWireKeys(spec, params);
  const all = [...leftOut, ...secrets.leftOut];
  spec = dropRefusedParams(spec, all);
  const extraBody = extraBodyOf(spec);
  return { spec, leftOut: all, operation: op.label, ...(shape.note ? { note: shape.note } : {}), ...(extraBody ? { extraBody } : {}) };
}

/** The transport's field for extra body keys, read from what its templates would see. */
function extraBodyOf(input: SpecInput): string | undefined {
  try {
    const spec = validateSpec(input, "derived spec");
    const http = transportOf(spec.transport).http(spec, modelKind(spec.kind));
    return http && http.extraBody ? http.extraBody : undefined;
  } catch {
    return undefined;
  }
}

