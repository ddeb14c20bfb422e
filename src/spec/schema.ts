import { z } from "zod";

/** Says "is required" when the field is missing and "must be …" when it has the wrong type. */
function required(what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? `is required: ${what}` : `must be ${what}`) };
}

// Field-level shape only; rules that span fields (clashes, defaults vs types) live in src/validate.
const scalarType = z.enum(["string", "number", "boolean", "string[]"], {
  error: 'must be one of "string", "number", "boolean", "string[]" or { "enum": ["a", "b"] }',
});

const enumType = z
  .object({
    enum: z
      .array(z.string().min(1, { error: "enum values must be non-empty strings" }), {
        error: 'must be a list of strings, e.g. { "enum": ["fast", "accurate"] }',
      })
      .min(1, { error: "needs at least one value" }),
  })
  .strict();

export const paramTypeSchema = z.union(
  [scalarType, enumType],
  required('one of "string", "number", "boolean", "string[]" or { "enum": ["a", "b"] }'),
);

const description = z
  .string(required("a string describing it (it becomes the docstring)"))
  .trim()
  .min(1, { error: "must not be empty: it becomes the docstring users read" });

/** A top-level key of a JSON request body. */
const bodyKey = (example: string) =>
  z
    .string(required(`a string, e.g. "${example}"`))
    .regex(/^[A-Za-z_$][A-Za-z0-9_$-]*$/, { error: `must be a JSON key of letters, digits, _, $ or -, e.g. "${example}"` });

export const paramSchema = z
  .object({
    name: z
      .string(required('a string, e.g. "temperature"'))
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be an identifier of letters, digits and _, e.g. "maxTokens"' })
      .meta({
      description:
        'Constructor field name: an identifier, e.g. maxTokens. "openai-compatible" and "ollama" send it in snake_case (max_tokens); "http-json" sends it as written.',
    }),
    type: paramTypeSchema.meta({
      description: 'TypeScript type: "string", "number", "boolean", "string[]" or { "enum": [...] }.',
    }),
    description: description.meta({ description: "Docstring of the field." }),
    default: z
      .union([z.string(), z.number(), z.boolean(), z.array(z.string())], {
        error: "must be a string, number, boolean or list of strings matching the param's type",
      })
      .optional()
      .meta({ description: "Default value; must match type." }),
    optional: z
      .boolean({ error: "must be true or false" })
      .optional()
      .meta({ description: "When true and no default is given, the field may be left undefined." }),
    wire: bodyKey("max_tokens")
      .optional()
      .meta({
        description:
          "HTTP transports: the request body key the param is sent under, when it is not the transport's usual one (snake_case of the name for openai-compatible and ollama, the name as written for http-json).",
      }),
  })
  .strict();

/**
 * Variables the shell, the OS, Node or npm set for their own use. A secret read from one of them would
 * send, say, the user's PATH as a bearer token.
 */
const SYSTEM_VARIABLES = new Set([
  "PATH", "HOME", "USER", "USERNAME", "LOGNAME", "SHELL", "PWD", "OLDPWD", "TMPDIR", "TMP", "TEMP", "LANG",
  "LANGUAGE", "TERM", "COLORTERM", "TZ", "HOSTNAME", "HOST", "EDITOR", "VISUAL", "PAGER", "DISPLAY", "MAIL",
  "SHLVL", "PS1", "IFS", "CDPATH", "MANPATH", "INFOPATH", "CI",
  "LD_LIBRARY_PATH", "LD_PRELOAD", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "PROGRAMDATA", "PROGRAMFILES",
  "SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "HOMEDRIVE", "HOMEPATH", "COMPUTERNAME",
  "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
]);
/** Families of such variables: locale (LC_ALL), XDG folders, the loader (DYLD_), Node's (NODE_OPTIONS), npm's, ssh's, git's. */
const SYSTEM_PREFIXES = ["LC_", "XDG_", "DYLD_", "NODE_", "NPM_CONFIG_", "SSH_", "GIT_"];

export function isSystemVariable(name: string): boolean {
  return SYSTEM_VARIABLES.has(name) || SYSTEM_PREFIXES.some((prefix) => name.startsWith(prefix));
}

export const secretSchema = z
  .object({
    name: z
      .string({ error: 'must be a string, e.g. "apiKey"' })
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be an identifier of letters, digits and _, e.g. "apiKey"' })
      .meta({
      description: "Constructor field holding the secret, e.g. apiKey.",
    }),
    env: z
      .string({ error: 'must be a string, e.g. "ACME_API_KEY"' })
      .regex(/^[A-Z_][A-Z0-9_]*$/, {
        error: 'must be an environment variable name in UPPER_SNAKE_CASE, e.g. "ACME_API_KEY"',
      })
      .refine((env) => !isSystemVariable(env), {
        error: (issue) =>
          `"${String(issue.input)}" is set by the shell or the operating system, not a secret: the wrapper would send its value as the credential; name the provider's own variable, e.g. "ACME_API_KEY"`,
      })
      .meta({ description: "Environment variable read when the constructor is not given the secret." }),
    description: description.meta({ description: "Docstring of the field." }),
    header: z
      .string({ error: 'must be a string, e.g. "x-api-key"' })
      .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, { error: 'must be an HTTP header name, e.g. "x-api-key"' })
      .optional()
      .meta({
        description:
          "HTTP transports: the request header that carries the secret as it is (e.g. x-api-key); when unset it is sent as `Authorization: Bearer …`.",
      }),
  })
  .strict();

const tokenCount = z
  .number({ error: "must be a whole number of tokens, e.g. 128000" })
  .int({ error: "must be a whole number of tokens, e.g. 128000" })
  .positive({ error: "must be a positive number of tokens, e.g. 128000" });
const capability = (what: string) => z.boolean({ error: "must be true or false" }).optional().meta({ description: what });

/** The keys of @langchain/core's ModelProfile (language_models/profile), each optional as there. */
export const profileSchema = z
  .object({
    maxInputTokens: tokenCount.optional().meta({ description: "Most tokens the context window takes." }),
    maxOutputTokens: tokenCount.optional().meta({ description: "Most tokens the model generates." }),
    imageInputs: capability("Accepts images (base64 data)."),
    imageUrlInputs: capability("Accepts images by URL."),
    pdfInputs: capability("Accepts PDF documents."),
    audioInputs: capability("Accepts audio."),
    videoInputs: capability("Accepts video."),
    fileMimeTypes: z
      .array(z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'must be a MIME type, e.g. "text/plain"' }), {
        error: 'must be a list of MIME types, e.g. ["text/plain", "text/csv"]',
      })
      .optional()
      .meta({ description: "MIME types accepted as generic file inputs." }),
    imageToolMessage: capability("Accepts images in tool messages."),
    pdfToolMessage: capability("Accepts PDFs in tool messages."),
    reasoningOutput: capability("Produces reasoning output."),
    imageOutputs: capability("Produces images."),
    audioOutputs: capability("Produces audio."),
    videoOutputs: capability("Produces video."),
    toolCalling: capability("Calls tools."),
    toolChoice: capability("Takes tool_choice."),
    midConversationSystemMessages: capability("Takes system messages after the first turn."),
    midConversationTools: capability("Takes tools that change mid-conversation."),
    structuredOutput: capability("Has a native structured-output mode (createAgent then uses the provider strategy)."),
  })
  .strict();

export const KINDS = ["llm", "chat"] as const;

const kindSchema = z.enum(KINDS, { error: `must be one of ${KINDS.map((k) => JSON.stringify(k)).join(", ")}` });

export const TRANSPORTS = ["custom", "openai-compatible", "ollama", "http-json"] as const;

const transportSchema = z.enum(TRANSPORTS, {
  error: `must be one of ${TRANSPORTS.map((t) => JSON.stringify(t)).join(", ")}`,
});

/**
 * An http(s) URL without credentials: the wrapper prints its URLs in docs, errors and traces, and fetch
 * refuses them. `base`: the wrapper appends the endpoint's path, so a query or fragment would end up
 * before it (`/v1?x=1/chat/completions`).
 */
function httpUrl(example: string, { base = false } = {}) {
  return z
    .url({ protocol: /^https?$/, ...required(`an http(s) URL, e.g. "${example}"`) })
    .refine((url) => !URL.canParse(url) || (new URL(url).username === "" && new URL(url).password === ""), {
      error: "must not hold a user name or password: the URL is printed in the class, its docs and its errors; put the credential in \"secrets\" (read from an environment variable) and give the URL without it",
    })
    .refine((url) => !base || !/[?#]/.test(url), {
      error: `must not have a query (?…) or fragment (#…): the wrapper appends the endpoint's path to it; give the base URL alone, e.g. "${example}", and send extra settings as params`,
    });
}

export const httpJsonSchema = z
  .object({
    url: httpUrl("https://llm.acme.example/v1/generate").meta({
      description: "Endpoint the prompt is POSTed to; default of the generated url param.",
    }),
    promptField: bodyKey("prompt").meta({ description: "Request body key that carries the prompt." }),
    responsePath: z
      .string(required('a string, e.g. "output.text"'))
      .regex(/^[^.\s]+(\.[^.\s]+)*$/, {
        error: 'must be a dot-separated path into the JSON response, e.g. "output.text" or "choices.0.text"',
      })
      .meta({
        description:
          "Where the text is in the JSON response (in each line when streaming NDJSON), e.g. output.text or choices.0.text.",
      }),
    stopField: bodyKey("stop")
      .optional()
      .meta({ description: "Request body key for the stop sequences; when unset they are not sent (the wrapper still cuts)." }),
    streamField: bodyKey("stream")
      .optional()
      .meta({ description: "Request body key set to true when the wrapper streams (NDJSON expected) and false otherwise." }),
  })
  .strict();

export const specSchema = z
  .object({
    $schema: z.string().optional(),
    kind: kindSchema.default("llm").meta({
      description: 'What the class is: "llm" a text-completion LLM, "chat" a chat model (messages, tool calling, structured output).',
    }),
    name: z
      .string({ error: 'is required: the class name in PascalCase, e.g. "AcmeLLM"' })
      .regex(/^[A-Z][A-Za-z0-9]*$/, { error: 'must be a PascalCase identifier (letters and digits, first one upper-case), e.g. "AcmeLLM"' })
      .meta({
      description: "Class name in PascalCase, e.g. AcmeLLM; file names derive from it.",
    }),
    llmType: z
      .string({ error: 'must be a string, e.g. "acme"' })
      .regex(/^[a-z0-9][a-z0-9._-]*$/, {
        error: 'must be lower-case letters, digits, ".", "_" or "-", e.g. "acme-llm"',
      })
      .optional()
      .meta({ description: "Value of _llmType(); defaults to the kebab-case class name." }),
    description: description.meta({ description: "What the model is; opens the class docstring." }),
    provider: z
      .string({ error: 'must be a string, e.g. "acme"' })
      .regex(/^[a-z0-9][a-z0-9._-]*$/, {
        error: 'must be a provider id of lower-case letters, digits, ".", "_" or "-", e.g. "openai", "mistral" or "acme"',
      })
      .optional()
      .meta({
        description:
          "Provider id that LangSmith keys cost and grouping on (ls_provider, and model_provider in response metadata), e.g. openai, mistral, acme.",
      }),

    docsUrl: httpUrl("https://docs.acme.ai/api")
      .optional()
      .meta({ description: "Link to the provider's API docs, put in the class docstring." }),
    params: z
      .array(paramSchema, { error: "must be a list of { name, type, description } objects" })
      .max(100, { error: "has more than 100 params; group related settings into fewer params" })
      .default([])
      .meta({ description: "Constructor parameters of the wrapper." }),
    secrets: z
      .array(secretSchema, { error: "must be a list of { name, env, description } objects" })
      .max(20, { error: "has more than 20 secrets; a provider rarely needs more than a few" })
      .default([])
      .meta({ description: "Credentials, read from the constructor or an environment variable." }),
    profile: profileSchema
      .optional()
      .meta({ description: "chat: what the model can do, emitted as the class's profile (core's ModelProfile), which createAgent reads." }),
    streaming: z
      .boolean({ error: "must be true or false" })
      .default(false)
      .meta({ description: "Emit _streamResponseChunks for token-by-token streaming." }),
    transport: transportSchema.default("custom").meta({
      description:
        'How the provider is called: "custom" leaves one method to fill in; "openai-compatible", "ollama" and "http-json" emit the HTTP call.',
    }),
    baseUrl: httpUrl("https://api.together.xyz/v1", { base: true })
      .optional()
      .meta({ description: "openai-compatible and ollama: default of the generated baseUrl param." }),
    httpJson: httpJsonSchema
      .optional()
      .meta({ description: "http-json: the endpoint, where the prompt goes and where the text comes back." }),
  })
  .strict()
  .meta({ title: "create-custom-llm spec", description: "Describes a LangChain.js LLM wrapper to generate." });

/** A spec as the user writes it (defaults may be missing). */
export type SpecInput = z.input<typeof specSchema>;
/** A spec after parsing: defaults filled in, not yet checked across fields. */
export type Spec = z.output<typeof specSchema>;
export type Param = z.output<typeof paramSchema>;
export type ParamType = z.output<typeof paramTypeSchema>;
export type Secret = z.output<typeof secretSchema>;
export type Transport = z.output<typeof transportSchema>;
export type Kind = z.output<typeof kindSchema>;
export type HttpJson = z.output<typeof httpJsonSchema>;
export type Profile = z.output<typeof profileSchema>;
