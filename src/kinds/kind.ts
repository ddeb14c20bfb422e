import type { Inquirer } from "../prompts/ask.js";
import type { Kind, SpecInput, Transport } from "../spec/schema.js";
import type { FieldCheck, TransportDescriptor } from "../transports/transport.js";

/** Spec fields that only some kinds read: a chat model's provider id and profile. */
export const KIND_SPEC_FIELDS = ["provider", "profile"] as const;
export type KindSpecField = (typeof KIND_SPEC_FIELDS)[number];

/** The HTTP protocols a kind can be served over, by transport name. */
export type Protocol = "openai-compatible" | "ollama";

/** One endpoint of a protocol, as a kind calls it. */
export interface Endpoint {
  /** Appended to the base URL, e.g. `/chat/completions`. */
  path: string;
  /** For the docs page, e.g. "OpenAI's chat completions API". */
  name: string;
  /** The LangChain integration it matches, for the docs page. */
  reference: string;
}

/**
 * A kind of model the generator emits: its templates, the base class's names that a spec must not take,
 * and what differs per transport. Adding a kind means one of these and its templates.
 */
export interface ModelKind {
  name: Kind;
  /** Shown in the "What kind of model?" question. */
  label: string;
  /** How the next steps show what `invoke` answered, given the expression of that call. */
  answerText(invoke: string): string;
  /** A class name that follows the kind's convention, for prompts and error messages. */
  classExample: string;
  /** The spec fields of KIND_SPEC_FIELDS this kind reads; the others are refused. */
  specFields: readonly KindSpecField[];
  /** The kind's own questions, asked last (a chat model's provider id and profile). */
  ask?(inquirer: Inquirer, spec: SpecInput, transport: TransportDescriptor, check: FieldCheck): Promise<Partial<SpecInput>>;
  /** The LangChain base class the emitted class extends. */
  baseClass: string;
  /** The templates of the class, its test file and its docs page, relative to the templates folder. */
  templates: { class: string; test: string; docs: string };
  /** Where the kind's transport partials live under `partials/`: "" for the first kind, `chat/` for chat. */
  partialFolder: string;
  /** Where each HTTP protocol serves this kind. */
  endpoints: Record<Protocol, Endpoint>;
  /** Request body keys the wrapper sets itself, per protocol: a param must not be sent under one. */
  reservedBodyKeys: Record<Protocol, readonly string[]>;
  /** Transports this kind cannot use, each with the reason and the fix. */
  unsupported: Partial<Record<Transport, string>>;
  /** Member names of the base class: a constructor param of the same name would shadow one. */
  inheritedMembers(): ReadonlySet<string>;
  /** Members the templates add on top of the base class's. */
  generatedMembers: readonly string[];
  /** Top-level names of the emitted class module (imports and helpers): the class must not take one. */
  moduleNames: readonly string[];
  /** Type names derived from the class name. */
  typeNames(className: string): string[];
}
