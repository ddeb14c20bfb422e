import fc from "fast-check";
import type { SpecInput } from "../../src/spec/schema.js";

/** Names users could plausibly type, biased towards the ones that break naive generators. */
const HOSTILE_NAMES = [
  // reserved and strict-mode words
  "class", "delete", "default", "await", "yield", "let", "static", "implements", "package", "arguments", "eval", "enum", "undefined", "NaN",
  // members of LLM / BaseLLM / Runnable and Object.prototype
  "invoke", "stream", "batch", "callbacks", "verbose", "cache", "tags", "metadata", "lc_secrets", "lc_kwargs", "caller", "name", "pipe",
  "constructor", "toString", "hasOwnProperty", "__proto__", "lc_namespace", "_call", "_llmType", "invocationParams", "callProvider",
  // look like secrets, collide with generated names, odd shapes
  "apiKey", "token", "password", "prompt", "stop", "signal", "params", "credentials", "fields", "rest", "$x", "_", "a1", "π", "x-y", "1a", "",
  // one key on the wire once snake_cased, or one of Ollama's top-level keys
  "topP", "top_p", "Model", "keepAlive", "keep_alive", "format", "think",
  // members of BaseChatModel and names the chat templates use
  "bindTools", "withStructuredOutput", "getLsParams", "tools", "toolChoice", "messages", "jsonSchema", "responseFormat", "streamOptions",
];

const HOSTILE_TEXT = [
  "*/", "/*", "/**", "`", "${x}", "{{x}}", "}}}", "{{{x}}}", "\"", "'", "\\", "\\u0000", "\n", "\r\n", "\u2028", "\u0000", "\u001b[31m",
  "@param x", "<script>", "|", "🚀", "ünï", "\ud800", "</", "-->", "#", "* ", "@ts-ignore", "// comment", "\t",
];

const identifierLike = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,12}$/);
// Weighted so that about half the specs are valid and reach the type-checker.
export const memberName = fc.oneof({ arbitrary: identifierLike, weight: 12 }, { arbitrary: fc.constantFrom(...HOSTILE_NAMES), weight: 1 });
export const className = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,15}$/), weight: 8 },
  fc.constantFrom("LLM", "Promise", "Error", "Object", "GenerationChunk", "Acme", "A", "AcmeLLM", "String", "Array", "AbortSignal", "acme", "Acme-LLM", ""),
  fc.constantFrom("ChatAcme", "BaseChatModel", "AIMessageChunk", "ChatAcmeDelta", "StructuredSchema", "Runnable", "ChatAcmeRequest"),
);
export const text = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim().length > 0), weight: 4 },
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.array(fc.constantFrom(...HOSTILE_TEXT), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" ")),
);

const paramType = fc.oneof(
  fc.constantFrom("string", "number", "boolean", "string[]"),
  fc.record({ enum: fc.uniqueArray(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom(...HOSTILE_TEXT)), { minLength: 1, maxLength: 4 }) }),
);

/** A default that matches the param's type most of the time, and sometimes not. */
function defaultFor(type: unknown): fc.Arbitrary<unknown> {
  if (type === "string") return text;
  if (type === "number") return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (type === "boolean") return fc.boolean();
  if (type === "string[]") return fc.array(text, { maxLength: 3 });
  const values = (type as { enum: string[] }).enum;
  return fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 6 }, text);
}

const param = paramType.chain((type) =>
  fc.record(
    {
      name: memberName,
      type: fc.constant(type),
      description: text,
      default: defaultFor(type),
      optional: fc.boolean(),
    },
    { requiredKeys: ["name", "type", "description"] },
  ),
);

const secret = fc.record({
  name: memberName,
  env: fc.oneof({ arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,12}$/), weight: 8 }, fc.constantFrom("lower_case", "A-B", "", "PATH")),
  description: text,
});

/** A body key or dotted path: usually plain, sometimes hostile. */
const bodyKey = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/), weight: 6 }, fc.constantFrom(...HOSTILE_TEXT));
const bodyPath = fc.oneof({ arbitrary: fc.array(fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$|^[0-9]$/), { minLength: 1, maxLength: 3 }).map((p) => p.join(".")), weight: 6 }, fc.constantFrom(...HOSTILE_TEXT));

/** The transport and the fields that go with it, matching most of the time and not always. */
const transport = fc.oneof(
  fc.record({ transport: fc.constant("custom") }),
  fc.record({ transport: fc.constantFrom("openai-compatible", "ollama"), baseUrl: fc.oneof({ arbitrary: fc.webUrl({ validSchemes: ["http", "https"] }), weight: 6 }, fc.constantFrom("http://127.0.0.1:1/v1", "ftp://x")) }, { requiredKeys: ["transport"] }),
  fc.record(
    {
      transport: fc.constant("http-json"),
      httpJson: fc.record(
        { url: fc.oneof({ arbitrary: fc.webUrl(), weight: 6 }, fc.constantFrom("https://x.example/a\"b`${c}`")), promptField: bodyKey, responsePath: bodyPath, stopField: bodyKey, streamField: bodyKey },
        { requiredKeys: ["url", "promptField", "responsePath"] },
      ),
    },
    { requiredKeys: ["transport"] },
  ),
);

/** The HTTP transports need a `model` param (openai-compatible, ollama): often there, not always. */
const modelParam = fc.oneof(
  fc.constant([]),
  { arbitrary: fc.constant([{ name: "model", type: "string", description: "Model.", default: "m-1" }]), weight: 4 },
);

/** Specs of every shape, valid or not: each must give a SpecError or code that type-checks. */
export const anySpec: fc.Arbitrary<SpecInput> = fc
  .tuple(baseSpec(), transport, modelParam)
  .map(([spec, t, model]) => ({ ...spec, ...t, params: [...model, ...(spec.params ?? [])] }) as SpecInput);

function baseSpec(): fc.Arbitrary<SpecInput> {
  return fc.record(
  {
    kind: fc.oneof({ arbitrary: fc.constantFrom("llm", "chat"), weight: 8 }, fc.constant("embeddings")),
    name: className,
    description: text,
    llmType: fc.oneof({ arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/), weight: 8 }, text),
    docsUrl: fc.oneof({ arbitrary: fc.webUrl(), weight: 8 }, fc.constantFrom("https://x.example/a*/b?q='\"`${x}`", "javascript:alert(1)", "not a url")),
    params: fc.array(param, { maxLength: 5 }),
    secrets: fc.array(secret, { maxLength: 3 }),
    streaming: fc.boolean(),
  },
  { requiredKeys: ["name", "description"] },
  ) as fc.Arbitrary<SpecInput>;
}
