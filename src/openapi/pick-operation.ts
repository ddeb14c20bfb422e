import { MODEL_KINDS } from "../kinds/index.js";
import type { OpenApiDocument } from "./read-document.js";
import { OpenApiError } from "./openapi-error.js";
import { isSchema, objectProperties, type Schema } from "./schema-walk.js";

/** One operation of the document. */
export interface Operation {
  method: string;
  path: string;
  /** How the user names it: `POST /chat/completions`. */
  label: string;
  operationId?: string;
  operation: Schema;
  /** The path item, for its `servers`. */
  pathItem: Schema;
}

/** The JSON request body schema of an operation, if it has one. */
export function requestSchema(op: Operation): Schema | undefined {
  const body = op.operation.requestBody;
  const content = isSchema(body) && isSchema(body.content) ? body.content : undefined;
  const json = content && Object.entries(content).find(([type]) => /^application\/(.+\+)?json\b/.test(type))?.[1];
  return isSchema(json) && isSchema(json.schema) ? json.schema : undefined;
}

/** Every POST operation, in the document's order (the wrappers POST their requests). */
function postOperations(api: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(api.paths ?? {})) {
    if (!isSchema(item) || !isSchema(item.post)) continue;
    const operation = item.post;
    const operationId = typeof operation.operationId === "string" ? operation.operationId : undefined;
    ops.push({ method: "POST", path, label: `POST ${path}`, operationId, operation, pathItem: item });
  }
  return ops;
}

const takesText = (op: Operation): boolean => {
  const schema = requestSchema(op);
  if (!schema) return false;
  const { properties } = objectProperties(schema);
  return properties.has("messages") || properties.has("prompt");
};

const endsWithEndpoint = (kind: "chat" | "llm") => (op: Operation): boolean =>
  Object.values(MODEL_KINDS[kind].endpoints).some((endpoint) => op.path.endsWith(endpoint.path));

/**
 * The candidates, best first: operations at a chat endpoint of a protocol the generator speaks
 * (`…/chat/completions`, `…/api/chat`), else at a completions one, else any that takes `messages` or a `prompt`.
 */
export function candidates(api: OpenApiDocument): Operation[] {
  const text = postOperations(api).filter(takesText);
  const chat = text.filter(endsWithEndpoint("chat"));
  if (chat.length > 0) return chat;
  const completions = text.filter(endsWithEndpoint("llm"));
  return completions.length > 0 ? completions : text;
}

const describe = (op: Operation): string => `  ${op.label}${op.operationId ? `  (--operation ${op.operationId})` : ""}`;

/** The operation `--operation` names (an operationId or `POST /path`), or the only candidate. */
export function pickOperation(api: OpenApiDocument, wanted: string | undefined, file: string): Operation | Operation[] {
  const all = postOperations(api);
  if (wanted !== undefined) {
    const found = all.find((op) => op.operationId === wanted || op.label.toLowerCase() === wanted.trim().replace(/\s+/, " ").toLowerCase());
    if (found) return found;
    const list = candidates(api);
    const hint = list.length > 0 ? `; the ones that take messages or a prompt are:\n${list.map(describe).join("\n")}` : "";
    throw new OpenApiError(`--operation ${wanted}: ${file} has no POST operation of that operationId or "POST /path"${hint}`);
  }
  const list = candidates(api);
  if (list.length === 0) {
    throw new OpenApiError(`${file} has no POST operation whose JSON request body takes "messages" or a "prompt": name one with --operation <operationId | "POST /path">`);
  }
  return list.length === 1 ? list[0]! : list;
}

/** The message for several candidates when no question can be asked. */
export function ambiguous(list: Operation[], file: string): OpenApiError {
  return new OpenApiError(`${file} has ${list.length} operations that could be the model; pick one with --operation:\n${list.map(describe).join("\n")}`);
}
