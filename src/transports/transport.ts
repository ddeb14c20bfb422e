import type { ModelKind } from "../kinds/kind.js";
import type { Inquirer } from "../prompts/ask.js";
import type { Profile, Spec, SpecInput, Transport } from "../spec/schema.js";
import type { SpecIssue } from "../validate/spec-error.js";

/** Spec fields that only some transports read: asked after the transport is chosen. */
export const TRANSPORT_SPEC_FIELDS = ["baseUrl", "httpJson"] as const;
export type TransportSpecField = (typeof TRANSPORT_SPEC_FIELDS)[number];

/** What a transport's questions add to the spec; `modelParam` is the param its protocol sends the model in. */
export type TransportAnswers = Pick<SpecInput, TransportSpecField> & { modelParam?: NonNullable<SpecInput["params"]>[number] };

/**
 * Checks one answer by the spec's own rules (src/prompts/field-check). The questions get it as an
 * argument: the rules load the transports, so the transports must not load the rules.
 */
export type FieldCheck = (candidate: SpecInput, path: string) => Promise<true | string>;

/**
 * How the provider is called: its questions, its rules, how it sends params and what its templates see.
 * Adding a transport means one of these, its partials and its test server partial.
 */
export interface TransportDescriptor {
  name: Transport;
  /** One line beside its name where the transport is chosen. */
  summary: string;
  /** What the param name question says about how a param is sent. */
  paramNameHint: string;
  /** "any": the user's call takes every secret; "bearer": one, sent as the bearer token. */
  secrets: "any" | "bearer";
  /** Constructor fields the transport adds to the class, with what each is for: a param must not take one. */
  fields: Readonly<Record<string, string>>;
  /** The spec fields it reads beside the common ones; for the others, how to say what to use instead. */
  specFields: readonly TransportSpecField[];
  insteadOf?: Partial<Record<TransportSpecField, string>>;
  /** The questions it adds once chosen, each answer checked as it is typed. */
  ask(inquirer: Inquirer, spec: SpecInput, check: FieldCheck): Promise<TransportAnswers>;
  /** Its rules for the rest of the spec, beyond the ones every HTTP transport shares. */
  check(spec: Spec, kind: ModelKind): SpecIssue[];
  /** The request body key a param is sent under; undefined for a transport with no request body. */
  wireKey?(param: string, spec: Spec): string;
  /**
   * Where params go when not at the top of the body: inside `key` (Ollama's `options`), except those
   * sent under one of `topLevelKeys`. Undefined: every param is a key of the body.
   */
  paramsIn?: { key: string; topLevelKeys: ReadonlySet<string> };
  /** The request body keys the wrapper sets itself: a param sent under one would clash. */
  reservedBodyKeys(spec: Spec, kind: ModelKind): readonly string[];
  /** What its templates see, or false when the user writes the call (custom). */
  http(spec: Spec, kind: ModelKind): HttpContext | false;
  /** A chat model can force a tool call (`tool_choice`) over it. */
  toolChoice: boolean;
  /** withStructuredOutput's default for a chat model: the wire's JSON schema mode, else a forced tool call. */
  structuredMethod: "jsonSchema" | "functionCalling";
  /** The server's address when the spec gives no `baseUrl`, for a transport that has one. */
  defaultBaseUrl?: string;
  /** A chat model's `profile` when its spec gives none: what the transport carries. */
  profile: Profile;
}

/** How the spec's one secret is sent: as the bearer token, or as it is in the header it names. */
export function credentialOf(spec: Spec): Pick<HttpContext, "bearer" | "authHeader" | "authPrefix"> {
  const secret = spec.secrets[0];
  const header = secret?.header?.toLowerCase();
  return { bearer: secret?.name ?? false, authHeader: header ?? "authorization", authPrefix: header === undefined ? "Bearer " : "" };
}

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
  /** The secret sent in the request's credential header, if the spec has one. */
  bearer: string | false;
  /** The header it is sent in, lower-case (`authorization`, or the secret's own `header`), and what goes before it (`Bearer `, or nothing). */
  authHeader: string;
  authPrefix: string;
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

export interface HttpJsonContext {
  promptField: string;
  stopField: string | false;
  streamField: string | false;
  responsePath: string[];
  responsePathText: string;
}
