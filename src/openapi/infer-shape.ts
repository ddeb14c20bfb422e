import { MODEL_KINDS } from "../kinds/index.js";
import type { Protocol } from "../kinds/kind.js";
import type { HttpJson, Kind, Transport } from "../spec/schema.js";
import type { Operation } from "./pick-operation.js";
import { ANSWER_SHAPES } from "./protocol-shapes.js";
import type { OpenApiDocument } from "./read-document.js";
import { OpenApiError } from "./openapi-error.js";
import { branchesOf, isSchema, nonNull, objectProperties, type Schema } from "./schema-walk.js";

/** How the operation is called: the kind, the transport and where requests go. */
export interface Shape {
  kind: Kind;
  transport: Transport;
  /** The request key that carries the text: `messages` or `prompt`. */
  textKey: string;
  streaming: boolean;
  baseUrl?: string;
  httpJson?: HttpJson;
  /** Said to the user when the shape falls back to a custom transport. */
  note?: string;
}

/** The 2xx answer's content of an operation, by media type. */
function answerContent(op: Operation): Record<string, Schema> {
  const responses = isSchema(op.operation.responses) ? op.operation.responses : {};
  const ok = Object.keys(responses).sort().find((code) => /^2(\d\d|XX)$/i.test(code));
  const response = ok ? responses[ok] : undefined;
  const content = isSchema(response) && isSchema(response.content) ? response.content : {};
  const schemas: Record<string, Schema> = {};
  for (const [type, media] of Object.entries(content)) if (isSchema(media) && isSchema(media.schema)) schemas[type] = media.schema;
  return schemas;
}

const jsonAnswer = (content: Record<string, Schema>): Schema | undefined =>
  Object.entries(content).find(([type]) => /^application\/(.+\+)?json\b/.test(type))?.[1];

/** Whether `schema` has the keys of `path`, going into array items on the way. */
function hasPath(schema: Schema, path: readonly string[]): boolean {
  if (path.length === 0) return true;
  for (const branch of branchesOf(schema)) {
    const inner = branch.type === "array" && isSchema(branch.items) ? nonNull(branch.items) : branch;
    const next = objectProperties(inner).properties.get(path[0]!);
    if (next && hasPath(next, path.slice(1))) return true;
  }
  return false;
}

/** The operation's absolute URL: its server (operation's, path's, then the document's) and its path. */
function operationUrl(api: OpenApiDocument, op: Operation, file: string): string {
  const servers = [op.operation.servers, op.pathItem.servers, api.servers].find((s) => Array.isArray(s) && s.length > 0);
  const server = Array.isArray(servers) && isSchema(servers[0]) ? servers[0] : undefined;
  if (!server || typeof server.url !== "string") {
    throw new OpenApiError(`${file} names no server for ${op.label}: add "servers": [{ "url": "https://api.example.com" }] to it`);
  }
  const variables = isSchema(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isSchema(variable) && typeof variable.default === "string" ? variable.default : whole;
  });
  if (!/^https?:\/\/[^/{}]+/.test(url)) {
    throw new OpenApiError(`${file}: the server URL "${server.url}" of ${op.label} is not an absolute http(s) URL: give "servers" a full URL such as "https://api.example.com/v1"`);
  }
  return url.replace(/\/+$/, "") + op.path;
}

/** Names of a string in a JSON answer that most likely hold the generated text, best first. */
const TEXT_NAMES = ["text", "response", "output", "completion", "generated_text", "content", "result", "answer"];

/** The dot path of the answer's text, preferring the names above, breadth first; undefined when there is none. */
function textPath(schema: Schema): string | undefined {
  let level: { schema: Schema; path: string[] }[] = [{ schema, path: [] }];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const strings: { name: string; path: string[] }[] = [];
    const next: typeof level = [];
    for (const { schema: s, path } of level) {
      const node = nonNull(s);
      if (node.type === "array" && isSchema(node.items)) next.push({ schema: node.items, path: [...path, "0"] });
      for (const [key, value] of objectProperties(node).properties) {
        const v = nonNull(value);
        if (v.type === "string") strings.push({ name: key, path: [...path, key] });
        else next.push({ schema: value, path: [...path, key] });
      }
    }
    const best = strings
      .map((s) => ({ ...s, rank: TEXT_NAMES.indexOf(s.name.toLowerCase()) }))
      .filter((s) => s.rank >= 0)
      .sort((a, b) => a.rank - b.rank)[0];
    if (best) return best.path.join(".");
    level = next;
  }
  return undefined;
}

/** Kind, transport and URL of the operation, from its request and answer shapes. */
export function inferShape(api: OpenApiDocument, op: Operation, request: Schema, file: string): Shape {
  const { properties } = objectProperties(request);
  const kind: Kind = properties.has("messages") ? "chat" : "llm";
  const textKey = kind === "chat" ? "messages" : "prompt";
  const url = operationUrl(api, op, file);
  const content = answerContent(op);
  const answer = jsonAnswer(content);
  const streamFlag = properties.get("stream");
  const takesStream = streamFlag !== undefined && nonNull(streamFlag).type === "boolean";
  const endpoints = MODEL_KINDS[kind].endpoints;
  for (const protocol of Object.keys(ANSWER_SHAPES) as Protocol[]) {
    const endpoint = endpoints[protocol].path;
    if (!op.path.endsWith(endpoint) || !answer) continue;
    if (!ANSWER_SHAPES[protocol][kind].every((path) => hasPath(answer, path))) continue;
    return { kind, transport: protocol, textKey, streaming: takesStream, baseUrl: url.slice(0, url.length - endpoint.length) };
  }
  const custom = (why: string): Shape => ({ kind, transport: "custom", textKey, streaming: takesStream, note: why });
  if (MODEL_KINDS[kind].unsupported["http-json"]) {
    return custom(`${op.label} answers in a shape that is neither OpenAI's nor Ollama's chat API: the class gets a custom transport, whose one method you fill in`);
  }
  const path = answer && textPath(answer);
  if (!path) return custom(`no text field was found in the JSON answer of ${op.label}: the class gets a custom transport, whose one method you fill in`);
  const ndjson = Object.keys(content).some((type) => type.startsWith("application/x-ndjson"));
  const stop = properties.get("stop");
  const httpJson: HttpJson = { url, promptField: textKey, responsePath: path };
  if (stop) httpJson.stopField = "stop";
  if (ndjson && takesStream) httpJson.streamField = "stream";
  return { kind, transport: "http-json", textKey, streaming: ndjson && takesStream, httpJson };
}
