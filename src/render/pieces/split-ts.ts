// The pieces of an emitted TypeScript file (reduce.ts): the entries of its statement lists that prettier
// prints each on its own line(s), whatever their neighbours. Those are the top-level statements, the
// members of a class, and the statements of a function, method or callback body (`describe("…", () => {…})`),
// nested down to MAX_DEPTH. A list whose layout is not one entry after another on lines of their own,
// or with a comment of its own after the last entry, stays whole.
import { keyOf, type Piece } from "./reduce.js";

/** The few fields of an ESTree AST (as oxc-parser returns it, offsets in UTF-16 units) that the split reads. */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  body?: AstNode | AstNode[] | null;
  declaration?: AstNode | null;
  expression?: AstNode;
  arguments?: AstNode[];
  /** A method's function. */
  value?: AstNode | null;
  /** Set on a directive prologue entry (`"use strict";`). */
  directive?: string | null;
}

/** Parses TypeScript to ESTree; undefined when the text does not parse. */
export type ParseTs = (text: string) => AstNode | undefined;

/** Statement lists deeper than this stay whole: their entries are small, and splitting costs a parse walk. */
const MAX_DEPTH = 4;

/** The end of the line `at` is on, if only spaces and comments follow `at` there; else undefined. */
function restOfLine(text: string, at: number): number | undefined {
  let i = at;
  for (;;) {
    while (text[i] === " " || text[i] === "\t") i++;
    if (i >= text.length || text[i] === "\n") return i;
    if (text.startsWith("//", i)) {
      const eol = text.indexOf("\n", i);
      return eol === -1 ? text.length : eol;
    }
    if (!text.startsWith("/*", i)) return undefined;
    const close = text.indexOf("*/", i + 2);
    if (close === -1 || text.slice(i, close).includes("\n")) return undefined;
    i = close + 2;
  }
}

/** The first offset at or after `from` that is not blank (spaces, tabs, newlines). */
function firstNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * Splits the entries of one statement list into pieces, or gives undefined when the list is not laid out
 * one entry after another on lines of their own (then it stays whole). `open` is where the list's text
 * begins (after `{`), `close` where it ends (at `}`, or the end of the file).
 */
function splitList(text: string, entries: AstNode[], open: number, close: number, kind: string, depth: number): Piece[] | undefined {
  if (entries.length === 0) return undefined;
  // The opening brace ends its line (a comment after it would lead the first entry or the list): the
  // first entry starts on a later one.
  let lineEnd = open - 1;
  if (depth > 0) {
    lineEnd = text.indexOf("\n", open);
    if (lineEnd === -1 || text.slice(open, lineEnd).trim() !== "") return undefined;
  }
  const pieces: Piece[] = [];
  for (const entry of entries) {
    const start = firstNonBlank(text, lineEnd + 1);
    // Only blank lines and whole-line comments may come before the entry: they lead it.
    if (start > entry.start || !onlyComments(text.slice(start, entry.start))) return undefined;
    const end = restOfLine(text, entry.end);
    if (end === undefined) return undefined;
    const body = text.slice(start, end);
    pieces.push({ start, end, key: keyOf(kind, depth, body), inner: innerList(text, entry, depth + 1) });
    lineEnd = end;
  }
  // Nothing but blank space between the last entry and the end of the list: a comment there would
  // belong to the list, not to a piece.
  if (text.slice(lineEnd, close).trim() !== "") return undefined;
  return pieces;
}

/** Whole-line comments only (what may lead an entry); a stray token means the layout is not ours. */
function onlyComments(text: string): boolean {
  let i = firstNonBlank(text, 0);
  while (i < text.length) {
    if (text.startsWith("//", i)) {
      const eol = text.indexOf("\n", i);
      i = eol === -1 ? text.length : eol;
    } else if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      if (close === -1) return false;
      i = close + 2;
    } else return false;
    i = firstNonBlank(text, i);
  }
  return true;
}

/** The statement list inside an entry that is split too, if it has one we split. */
function innerList(text: string, entry: AstNode, depth: number): Piece[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const declared = entry.type.startsWith("Export") && entry.declaration ? entry.declaration : entry;
  // A class: its members.
  if (declared.type === "ClassDeclaration" && declared.body && !Array.isArray(declared.body)) {
    return listIn(text, declared.body, "class", depth);
  }
  // A function or method: the statements of its body.
  if (declared.type === "FunctionDeclaration") return blockIn(text, declared.body, depth);
  if (declared.type === "MethodDefinition" && declared.value?.type === "FunctionExpression") return blockIn(text, declared.value.body, depth);
  // A call whose last argument is a callback, as `describe("…", () => { … })`: the callback's body.
  const call = declared.type === "ExpressionStatement" ? declared.expression : undefined;
  const callback = call?.type === "CallExpression" ? call.arguments?.at(-1) : undefined;
  if (callback && /^(ArrowFunctionExpression|FunctionExpression)$/.test(callback.type)) return blockIn(text, callback.body, depth);
  return undefined;
}

/** A directive prologue changes how what follows parses: such a list stays whole. */
const hasDirective = (entries: AstNode[]) => entries.some((e) => typeof e.directive === "string");

function blockIn(text: string, block: AstNode | AstNode[] | null | undefined, depth: number): Piece[] | undefined {
  if (!block || Array.isArray(block) || block.type !== "BlockStatement") return undefined;
  return listIn(text, block, "block", depth);
}

function listIn(text: string, container: AstNode, kind: string, depth: number): Piece[] | undefined {
  if (!Array.isArray(container.body) || hasDirective(container.body)) return undefined;
  if (text[container.start] !== "{" || text[container.end - 1] !== "}") return undefined;
  return splitList(text, container.body, container.start + 1, container.end - 1, kind, depth);
}

/** The top-level pieces of a parsed file, or undefined when its layout is not one we split. */
export function splitTs(text: string, parse: ParseTs): Piece[] | undefined {
  const program = parse(text);
  if (!program || !Array.isArray(program.body) || hasDirective(program.body)) return undefined;
  return splitList(text, program.body, 0, text.length, "program", 0);
}
