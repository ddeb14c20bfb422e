import { snakeCase } from "change-case";
import type { ModelKind } from "../kinds/kind.js";
import { askText } from "../prompts/ask.js";
import { modelParamOf } from "../spec/model-param.js";
import type { Profile, Spec } from "../spec/schema.js";
import { credentialOf, type HttpContext, type TransportDescriptor } from "./transport.js";

/** The constructor field of the server's address, as `@langchain/openai` and `@langchain/ollama` name it. */
const URL_PARAM = "baseUrl";

/**
 * An HTTP protocol with a fixed wire format, whatever the kind of model: where requests go by default,
 * how answers stream, and how params are named in the body. The endpoint path and the keys the wrapper
 * sets itself depend on the kind too (src/kinds).
 */
export interface Protocol {
  name: "openai-compatible" | "ollama";
  summary: string;
  defaultUrl: string;
  /** A model name a server of this protocol runs, the example at the model question. */
  modelExample: string;
  /** Content type of a streamed answer, sent as `accept` when streaming. */
  streamType: string;
  /** For the docs page. */
  streamFormat: string;
  /** A chat request can force a tool call (`tool_choice`). */
  toolChoice: boolean;
  /** What a chat model over it can take and do, whatever the model: its default `profile`. */
  profile: Profile;
  /** Streams Server-Sent Events, parsed with `@langchain/core`'s event-stream parser. */
  eventStream: boolean;
  /** The server reports token counts. */
  usage: boolean;
  /** The constructor field of extra request body fields, as `@langchain/openai` has `modelKwargs`. */
  extraBody?: string;
  /**
   * For a protocol that takes settings in `options` (Ollama): the keys a param is sent under at the top
   * of the body instead. Undefined: every param is a key of the body.
   */
  topLevelKeys?: ReadonlySet<string>;
  /** For such a protocol: the body key that holds the other params (Ollama's `options`). */
  paramsKey?: string;
}

/**
 * The transport of a protocol: it asks where the server is and which model it runs, needs a model param,
 * and sends params in snake_case (`maxTokens` → `max_tokens`), the model param as `model`.
 */
export function protocolTransport(protocol: Protocol): TransportDescriptor {
  // A param's own `wire` wins: a document may name a key that is not the snake_case of its camelCase name.
  const wireKey = (param: string, spec: Spec) =>
    spec.params.find((p) => p.name === param)?.wire ?? (param === modelParamOf(spec)?.name ? "model" : snakeCase(param));
  return {
    name: protocol.name,
    summary: protocol.summary,
    paramNameHint: "an identifier; sent in snake_case, maxTokens as max_tokens",
    secrets: "bearer",
    fields: {
      [URL_PARAM]: "the server's base URL",
      ...(protocol.extraBody ? { [protocol.extraBody]: "extra request body fields" } : {}),
    },
    specFields: ["baseUrl"],
    structuredMethod: "jsonSchema",
    toolChoice: protocol.toolChoice,
    profile: protocol.profile,
    defaultBaseUrl: protocol.defaultUrl,
    async ask(inquirer, spec, check) {
      const usual = protocol.defaultUrl;
      const baseUrl = await askText(inquirer, "Base URL of the server:", {
        default: spec.baseUrl ?? usual,
        validate: (url) => check({ ...spec, baseUrl: url }, "baseUrl"),
      });
      // The model param comes first: the protocol sends it with every request. Other params are asked after it.
      const recorded = modelParamOf({ params: spec.params ?? [] })?.default;
      const model = await askText(inquirer, `Default model name the server should run (e.g. ${protocol.modelExample}):`, {
        default: typeof recorded === "string" ? recorded : undefined,
        validate: (name) => (name === "" ? "is required: the model name sent with every request" : true),
      });
      const modelParam = { name: "model", type: "string", default: model, description: "Name of the model the server runs." } as const;
      // The protocol's usual URL is the generated default already: the spec need not repeat it.
      return baseUrl === usual ? { modelParam } : { baseUrl, modelParam };
    },
    check(spec) {
      if (modelParamOf(spec)) return [];
      return [
        {
          path: "params",
          message: `transport "${protocol.name}" sends the model name: add a string param named "model", e.g. { "name": "model", "type": "string", "default": "${protocol.modelExample}", "description": "Model name." }`,
        },
      ];
    },
    wireKey,
    ...(protocol.topLevelKeys && protocol.paramsKey ? { paramsIn: { key: protocol.paramsKey, topLevelKeys: protocol.topLevelKeys } } : {}),
    reservedBodyKeys: (_spec, kind) => kind.reservedBodyKeys[protocol.name],
    http: (spec, kind) => protocolContext(protocol, spec, kind, wireKey),
  };
}

function protocolContext(protocol: Protocol, spec: Spec, kind: ModelKind, wireKey: (param: string, spec: Spec) => string): HttpContext {
  const endpoint = kind.endpoints[protocol.name];
  const topKeys = protocol.topLevelKeys;
  return {
    partial: `${kind.partialFolder}transport/${protocol.name}`,
    testServerPartial: `${kind.partialFolder}tests/server/${protocol.name}`,
    streamType: protocol.streamType,
    forwardsStop: true,
    protocolName: endpoint.name,
    streamFormat: protocol.streamFormat,
    reference: endpoint.reference,
    urlParam: URL_PARAM,
    urlDoc: `Base URL of the server; requests go to \`{${URL_PARAM}}${endpoint.path}\`.`,
    defaultUrl: spec.baseUrl ? new URL(spec.baseUrl).href : protocol.defaultUrl,
    path: endpoint.path,
    ...credentialOf(spec),
    usage: protocol.usage,
    wireParams: spec.params.map((p) => {
      const wire = wireKey(p.name, spec);
      const top = topKeys !== undefined && topKeys.has(wire);
      return { name: p.name, wire, top, sentAs: topKeys !== undefined && !top ? `options.${wire}` : wire };
    }),
    json: false,
    extraBody: protocol.extraBody ?? false,
    eventStream: protocol.eventStream,
  };
}
