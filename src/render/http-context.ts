import { snakeCase } from "change-case";
import type { ModelKind } from "../kinds/kind.js";
import type { Spec } from "../spec/schema.js";
import { PROTOCOLS, type Protocol } from "../transports/index.js";
import { EXTRA_BODY_PARAM, URL_PARAM } from "./contract.js";

/** What the HTTP transport templates see. */
export interface HttpContext {
  /** The partial with the protocol's request body and response parsing: `transport/<transport>`. */
  partial: string;
  /** The generated constructor param holding where requests go: `baseUrl` or `url`. */
  urlParam: string;
  urlDoc: string;
  defaultUrl: string;
  /** Appended to the base URL, or false when the URL param is the whole endpoint. */
  path: string | false;
  /** The secret sent as `Authorization: Bearer …`, if the spec has one. */
  bearer: string | false;
  /** The emitted test file's loopback server for this protocol: `tests/server/<transport>`. */
  testServerPartial: string;
  /** Content type of a streamed answer, sent as `accept` when streaming. */
  streamType: string;
  /** Stop sequences go to the server (which ends the text before them); else only the wrapper cuts. */
  forwardsStop: boolean;
  /** For the docs page: the protocol, its stream format, and the LangChain integration it matches. */
  protocolName: string;
  streamFormat: string;
  reference: string | false;
  /** The server reports token counts. */
  usage: boolean;
  /**
   * Params sent in the request body, with the key each is sent under; `top`: at the top of an Ollama body
   * (not in its `options`); `sentAs`: where, for the docs, e.g. `options.num_predict`.
   */
  wireParams: { name: string; wire: string; top: boolean; sentAs: string }[];
  json: HttpJsonContext | false;
  /** The constructor field of extra request body fields (openai-compatible), or false. */
  extraBody: string | false;
  /** Streams Server-Sent Events, parsed with `@langchain/core`'s event-stream parser. */
  eventStream: boolean;
}

interface HttpJsonContext {
  promptField: string;
  stopField: string | false;
  streamField: string | false;
  responsePath: string[];
  responsePathText: string;
}

/** Builds the HTTP part of the render context; false for the custom transport. */
export function httpContext(spec: Spec, modelParam: string | undefined, kind: ModelKind): HttpContext | false {
  const transport = spec.transport;
  if (transport === "custom") return false;
  const bearer = spec.secrets[0]?.name ?? false;
  if (transport === "http-json") {
    const json = spec.httpJson;
    if (!json) throw new Error("internal: an http-json spec reached rendering without httpJson");
    return {
      partial: `transport/${transport}`,
      testServerPartial: `tests/server/${transport}`,
      streamType: "application/x-ndjson",
      forwardsStop: json.stopField !== undefined,
      protocolName: "a JSON endpoint",
      streamFormat: "newline-delimited JSON",
      reference: false,
      urlParam: URL_PARAM[transport],
      urlDoc: "URL of the endpoint the prompt is POSTed to.",
      // Normalised as the docs link is: quotes and spaces percent-encoded.
      defaultUrl: new URL(json.url).href,
      path: false,
      bearer,
      usage: false,
      // A generic endpoint takes the params under the names the spec gave them.
      wireParams: spec.params.map((p) => ({ name: p.name, wire: p.name, top: false, sentAs: p.name })),
      extraBody: false,
      eventStream: false,
      json: {
        promptField: json.promptField,
        stopField: json.stopField ?? false,
        streamField: json.streamField ?? false,
        responsePath: json.responsePath.split("."),
        responsePathText: json.responsePath,
      },
    };
  }
  const protocol = { ...PROTOCOLS[transport], ...kind.endpoints[transport] };
  const urlParam = protocol.urlParam;
  return {
    partial: kindPartial(kind, `transport/${transport}`),
    testServerPartial: kindPartial(kind, `tests/server/${transport}`),
    streamType: protocol.streamType,
    forwardsStop: true,
    protocolName: protocol.name,
    streamFormat: protocol.streamFormat,
    reference: protocol.reference,
    urlParam,
    urlDoc: `Base URL of the server; requests go to \`{${urlParam}}${protocol.path}\`.`,
    defaultUrl: spec.baseUrl ? new URL(spec.baseUrl).href : protocol.defaultUrl,
    path: protocol.path,
    bearer,
    usage: protocol.usage,
    wireParams: wireParams(spec, PROTOCOLS[transport], modelParam),
    json: false,
    extraBody: EXTRA_BODY_PARAM in kind.transportFields[transport] ? EXTRA_BODY_PARAM : false,
    eventStream: transport === "openai-compatible",
  };
}

/** The LLM's partials keep their first names; another kind's live under a folder named after it. */
function kindPartial(kind: ModelKind, name: string): string {
  return kind.name === "llm" ? name : `${kind.name}/${name}`;
}

/**
 * OpenAI and Ollama take snake_case keys (`maxTokens` → `max_tokens`); the model param is sent as `model`.
 * For a protocol with `options` (Ollama), `top` marks the params sent at the top of the body instead.
 */
function wireParams(spec: Spec, protocol: Protocol, modelParam: string | undefined) {
  const topKeys = protocol.topLevelKeys;
  return spec.params.map((p) => {
    const wire = p.name === modelParam ? "model" : snakeCase(p.name);
    const top = topKeys !== undefined && topKeys.has(wire);
    return { name: p.name, wire, top, sentAs: topKeys !== undefined && !top ? `options.${wire}` : wire };
  });
}

/** The body keys each protocol uses itself; a param sent under one of them would clash. */
export function reservedBodyKeys(spec: Spec, kind: ModelKind): readonly string[] {
  switch (spec.transport) {
    case "openai-compatible":
    case "ollama":
      return kind.reservedBodyKeys[spec.transport];
    case "http-json": {
      const json = spec.httpJson;
      return json ? [json.promptField, json.stopField, json.streamField].filter((k): k is string => k !== undefined) : [];
    }
    default:
      return [];
  }
}
