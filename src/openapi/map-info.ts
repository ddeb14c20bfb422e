import { kebabCase, pascalCase } from "change-case";
import { providerFromUrl } from "../spec/provider.js";
import type { Kind, Profile } from "../spec/schema.js";
import type { Operation } from "./pick-operation.js";
import type { OpenApiDocument } from "./read-document.js";
import { enumStrings, isSchema, objectProperties, type Schema } from "./schema-walk.js";

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
const firstParagraphLine = (value: string): string => value.split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, " ").trim();

/** The API's title without a trailing "API": "OpenAI API" → "OpenAI". */
export function titleOf(api: OpenApiDocument): string {
  const info = isSchema(api.info) ? api.info : {};
  return text(info.title) ?? "API";
}

/**
 * The provider id: the one the server's address names (api.openai.com → openai, as a chat model's
 * question suggests it), or the title's words in kebab case for a local server (localhost, an IP address).
 */
export function providerFromDocument(url: string | undefined, title: string): string {
  const fromTitle = kebabCase(title.replace(/\bAPI\b/gi, "").trim()).replace(/^[^a-z0-9]+/, "") || "provider";
  const id = (url ? providerFromUrl(url) : undefined) ?? fromTitle;
  return /^[a-z0-9][a-z0-9._-]*$/.test(id) ? id : fromTitle;
}

/** The class name: `Chat<Provider>` or `<Provider>LLM`, the provider written as the title writes it when it does. */
export function classNameOf(kind: Kind, provider: string, title: string): string {
  const word = title.split(/\s+/).find((w) => w.replace(/[^a-z0-9]/gi, "").toLowerCase() === provider.replace(/[^a-z0-9]/g, ""));
  const stem = word && /^[A-Z][A-Za-z0-9]*$/.test(word) ? word : pascalCase(provider) || "Provider";
  return kind === "chat" ? `Chat${stem}` : `${stem}LLM`;
}

/** What the class is: the kind, the API and the operation, then the API's own first paragraph. */
export function descriptionOf(api: OpenApiDocument, op: Operation, kind: Kind, title: string): string {
  const info = isSchema(api.info) ? api.info : {};
  const what = kind === "chat" ? "Chat model" : "Text-completion model";
  const about = text(info.description);
  return `${what} of the ${title}, called at \`${op.label}\`.${about ? ` ${firstParagraphLine(about)}` : ""}`;
}

/** The link to the provider's docs: the operation's externalDocs, the document's, else the first https link of its description. */
export function docsUrlOf(api: OpenApiDocument, op: Operation): string | undefined {
  for (const docs of [op.operation.externalDocs, api.externalDocs]) {
    if (isSchema(docs) && typeof docs.url === "string" && /^https?:\/\//.test(docs.url)) return docs.url;
  }
  const info = isSchema(api.info) ? api.info : {};
  return text(info.description)?.match(/https?:\/\/[^\s)>\]"']+/)?.[0]?.replace(/[.,;:]$/, "");
}

/**
 * What a chat model can do, as far as its request shows: tools (and forcing one), a JSON schema answer
 * format, and image or audio parts in its messages. Nothing is claimed the document does not show.
 */
export function profileOf(request: Schema): Profile | undefined {
  const { properties } = objectProperties(request);
  const profile: Profile = {};
  if (properties.has("tools")) profile.toolCalling = true;
  if (properties.has("tool_choice")) profile.toolChoice = true;
  const format = properties.get("response_format");
  if (format && enumStrings(format).has("json_schema")) profile.structuredOutput = true;
  const messages = properties.get("messages");
  const parts = messages ? enumStrings(messages) : new Set<string>();
  if (parts.has("image_url")) Object.assign(profile, { imageInputs: true, imageUrlInputs: true });
  if (parts.has("input_audio")) profile.audioInputs = true;
  return Object.keys(profile).length > 0 ? profile : undefined;
}
