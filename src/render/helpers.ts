import Handlebars from "handlebars";
import { isIdentifier } from "../validate/is-identifier.js";

// Every value from a spec reaches emitted code through one of these helpers, never as a bare {{name}}:
// test/templates.test.ts fails on any mustache that is not a helper call.

/** A TypeScript literal (string, number, boolean, string[]) that evaluates to exactly `value`. */
export function tsLiteral(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`cannot write ${String(value)} as a TypeScript literal`);
  // JSON allows U+2028/U+2029 raw; escaping them keeps old tooling and diff viewers happy.
  return text.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Text safe inside a `/** ... *\/` block: the comment cannot be closed early, lines keep their ` * `. */
export function jsdocText(value: unknown): string {
  return String(value)
    .replace(/\r\n?/g, "\n")
    .replace(/\*\//g, "*\\/")
    // An @ after white space starts a JSDoc tag and would swallow the rest of the description.
    .replace(/(^|\s)@/g, "$1\\@")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .split("\n")
    .join("\n * ");
}

/**
 * Code inside a `/** ... *\/` block's code fence (an @example): kept as written but for what would close
 * the comment. An @ stays an @ (`from "@acme/…"`): in code it starts no tag, and a backslash would show.
 */
export function jsdocCode(value: unknown): string {
  return String(value)
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** An identifier the validator accepted; re-checked here so a validator gap fails loudly, not silently. */
export function identifier(value: unknown): string {
  const name = String(value);
  if (!isIdentifier(name)) throw new Error(`internal: ${JSON.stringify(name)} reached a template as an identifier`);
  return name;
}

/** Inline Markdown text, e.g. in a table cell: no line breaks or pipes that would break the table. */
export function markdownInline(value: unknown): string {
  return String(value)
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/\|/g, "\\|");
}

/** Markdown paragraph text: kept as the user wrote it, minus control characters. */
export function markdownText(value: unknown): string {
  return String(value)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "");
}

/** The TypeScript type of a param: a built-in type name, or a union of string literals for an enum. */
export function tsType(type: unknown): string {
  if (type === "string" || type === "number" || type === "boolean" || type === "string[]") return type;
  const values = (type as { enum?: unknown }).enum;
  if (!Array.isArray(values)) throw new Error(`internal: ${JSON.stringify(type)} reached a template as a type`);
  return values.map(tsLiteral).join(" | ");
}

/**
 * A TSDoc link to a class or one of its members: `{@link AcmeLLM}`, `{@link AcmeLLM.callProvider}`. A
 * helper, because Handlebars reads the `}}}` of `{@link {{name}}}` as a triple-stash.
 */
export function tsdocLink(...names: unknown[]): string {
  return `{@link ${names.map(identifier).join(".")}}`;
}

export const HELPERS = {
  link: tsdocLink,
  tsType,
  str: tsLiteral,
  doc: jsdocText,
  docCode: jsdocCode,
  ident: identifier,
  mdCell: markdownInline,
  md: markdownText,
  /** A caret range over an exact version: what a peer dependency accepts. */
  caret: (version: unknown) => `^${String(version)}`,
} as const;

/**
 * A private Handlebars: no HTML escaping (wrong for code) and strict mode, so a missing variable throws
 * instead of rendering as an empty string.
 */
export function createHandlebars(): typeof Handlebars {
  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) {
    // Handlebars passes its options object last; our helpers only take the leading values.
    hbs.registerHelper(name, (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args.slice(0, -1)));
  }
  return hbs;
}

export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;
