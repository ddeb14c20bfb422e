// The pieces of an emitted Markdown file (reduce.ts): its top-level blocks, as blank lines outside code
// fences separate them. Prettier prints each top-level block on its own, a blank line between two,
// except where one block's printing looks at its neighbour: a list right after a list (their bullets
// alternate), HTML blocks (which may span blank lines, and touch one another), indented blocks (code, or a
// list item's later paragraphs), footnotes and front matter. A file with any of those stays whole; no
// parse is needed to tell, so the split costs a scan of the lines.
import { keyOf, type Piece } from "./reduce.js";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(\s|$)/;

/** The blocks of `text`, or undefined when its layout is not one whose blocks format on their own. */
export function splitMarkdown(text: string): Piece[] | undefined {
  if (/^(---|\+\+\+)/.test(text)) return undefined; // front matter
  const pieces: Piece[] = [];
  let fence: string | undefined; // the opening marker, while inside a fenced code block
  let block: { start: number; end: number } | undefined;
  let previousWasList = false;
  let at = 0;
  for (const line of text.split("\n")) {
    if (fence === undefined && line.trim() === "") {
      if (block) pieces.push({ ...block, key: keyOf("md", 0, text.slice(block.start, block.end)) });
      block = undefined;
    } else {
      if (fence === undefined && (/^ {0,3}</.test(line) || /^\s{4,}(`{3}|~{3})/.test(line))) return undefined; // HTML; a fence in an indented block
      if (!block) {
        if (/^\s/.test(line) || line.startsWith("[^")) return undefined; // an indented block; a footnote
        const isList = fence === undefined && LIST_ITEM.test(line);
        if (isList && previousWasList) return undefined;
        previousWasList = isList;
        block = { start: at, end: at };
      }
      const marker = FENCE.exec(line)?.[1];
      if (fence === undefined) fence = marker;
      else if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      block.end = at + line.length;
    }
    at += line.length + 1;
  }
  if (block) pieces.push({ ...block, key: keyOf("md", 0, text.slice(block.start, block.end)) });
  return pieces.length > 0 ? pieces : undefined;
}

/** A top-level fenced block of TypeScript: prettier formats its code as a file of its own (embedded). */
export interface TsFence {
  /** The block's piece key. */
  key: string;
  lang: string;
  code: string;
}

// Three backticks, `typescript` or `ts` and nothing more on the line, and no backticks fence inside: then
// prettier prints the block as the same three backticks and language around the code as formatted alone.
const TS_FENCE = /^```(typescript|ts)\n([^]*)\n```$/;

/**
 * The blocks of `text` (as splitMarkdown splits it) that are TypeScript fences prettier formats with its
 * typescript parser. That parser is several times slower than the babel-ts one our .ts files go through,
 * so the caller formats their code with the latter and hands the results back as known pieces (fenced()).
 */
export function tsFences(text: string): TsFence[] {
  const fences: TsFence[] = [];
  for (const piece of splitMarkdown(text) ?? []) {
    const m = TS_FENCE.exec(text.slice(piece.start, piece.end));
    if (m && !m[2]!.includes("```") && m[2]!.trim() !== "") fences.push({ key: piece.key, lang: m[1]!, code: m[2]! });
  }
  return fences;
}

/** The block prettier prints for `fence`, given its code formatted as a TypeScript file. */
export function fenced(fence: TsFence, formattedCode: string): string {
  return `\`\`\`${fence.lang}\n${formattedCode.replace(/\n$/, "")}\n\`\`\``;
}
