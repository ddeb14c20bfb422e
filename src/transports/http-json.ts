import { askText } from "../prompts/ask.js";
import type { Spec, SpecInput } from "../spec/schema.js";
import type { SpecIssue } from "../validate/spec-error.js";
import { credentialOf, type TransportDescriptor } from "./transport.js";

type HttpJson = NonNullable<SpecInput["httpJson"]>;
/** The body keys a spec gives an http-json endpoint, each its own key of the request. */
const BODY_KEY_FIELDS = ["promptField", "stopField", "streamField"] as const;
/** A generic endpoint takes the params under the names the spec gave them, or their own `wire` key. */
const wireKey = (param: string, spec: Spec): string => spec.params.find((p) => p.name === param)?.wire ?? param;

/**
 * Any endpoint that takes the prompt as one key of a JSON body and answers with the text at a path of its
 * JSON (NDJSON lines when streaming). The spec's `httpJson` describes it; params go in the body as named.
 */
export const httpJson: TransportDescriptor = {
  name: "http-json",
  summary: "POST the prompt as JSON to one endpoint, read the text at a path of the answer",
  paramNameHint: "an identifier; sent in the request body as written, e.g. max_tokens",
  secrets: "bearer",
  fields: { url: "the endpoint's URL" },
  specFields: ["httpJson"],
  insteadOf: { baseUrl: "use httpJson.url" },
  structuredMethod: "functionCalling",
  // Serves no chat model (src/kinds/chat.ts).
  toolChoice: false,
  // No chat model is made over it (src/kinds/chat.ts).
  profile: {},
  async ask(inquirer, spec, check) {
    const before = spec.httpJson;
    const json: HttpJson = { url: "", promptField: "prompt", responsePath: "output.text" };
    const ask = (key: keyof HttpJson, message: string, byDefault?: string) => {
      const optional = key === "stopField" || key === "streamField";
      return askText(inquirer, message, {
        default: byDefault,
        validate: (value) => (optional && value === "" ? true : check({ ...spec, httpJson: { ...json, [key]: value } }, `httpJson.${key}`)),
      });
    };
    json.url = await ask("url", "Endpoint URL the prompt is POSTed to:", before?.url);
    json.promptField = await ask("promptField", "Request body key that carries the prompt:", before?.promptField ?? "prompt");
    json.responsePath = await ask("responsePath", "Where the text is in the JSON response (dot path, e.g. output.text):", before?.responsePath ?? "output.text");
    const stopField = await ask("stopField", "Request body key for stop sequences (Enter if the endpoint takes none):", before?.stopField);
    if (stopField !== "") json.stopField = stopField;
    if (spec.streaming) {
      const streamField = await ask("streamField", "Request body key that turns streaming on (Enter if none):", before?.streamField);
      if (streamField !== "") json.streamField = streamField;
    }
    return { httpJson: json };
  },
  check(spec) {
    const json = spec.httpJson;
    if (!json) return [{ path: "httpJson", message: 'is required with transport "http-json": { "url", "promptField", "responsePath" }' }];
    // Each is its own key of the request body: two of them under one key would be one property twice.
    const issues: SpecIssue[] = [];
    const seen = new Map<string, string>();
    for (const field of BODY_KEY_FIELDS) {
      const key = json[field];
      if (key === undefined) continue;
      const earlier = seen.get(key);
      if (earlier) {
        issues.push({ path: `httpJson.${field}`, message: `is "${key}", the key httpJson.${earlier} already uses; give each its own request body key` });
      } else seen.set(key, field);
    }
    return issues;
  },
  wireKey,
  reservedBodyKeys: (spec) => BODY_KEY_FIELDS.map((field) => spec.httpJson?.[field]).filter((k): k is string => k !== undefined),
  http(spec) {
    const json = spec.httpJson;
    if (!json) throw new Error("internal: an http-json spec reached rendering without httpJson");
    return {
      partial: "transport/http-json",
      testServerPartial: "tests/server/http-json",
      streamType: "application/x-ndjson",
      forwardsStop: json.stopField !== undefined,
      protocolName: "a JSON endpoint",
      streamFormat: "newline-delimited JSON",
      reference: false,
      urlParam: "url",
      urlDoc: "URL of the endpoint the prompt is POSTed to.",
      // Normalised as the docs link is: quotes and spaces percent-encoded.
      defaultUrl: new URL(json.url).href,
      path: false,
      ...credentialOf(spec),
      usage: false,
      wireParams: spec.params.map((p) => ({ name: p.name, wire: wireKey(p.name, spec), top: false, sentAs: wireKey(p.name, spec) })),
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
  },
};
