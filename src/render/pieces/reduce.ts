// Prettier by pieces. Most of an emitted file does not depend on the spec (the stop handling, the secret
// plumbing, nearly every test, much of the docs page), so its formatted text is remembered piece by piece
// and only the rest goes through prettier. A piece is one entry of a list whose entries prettier prints
// each on its own, whatever its neighbours: a statement of a TypeScript statement list or a class member
// (split-ts.ts), a top-level Markdown block (split-markdown.ts). So a piece formats the same wherever it
// sits, at the same indentation; test/pieces.test.ts holds the result to prettier's own output for the
// whole file, for every spec shape we emit and for random and hostile specs.
//
// How: each remembered piece is replaced by a one-line placeholder, and prettier formats that reduced
// text once; in its output the placeholders become the remembered text. To learn pieces (the seed, built
// with the package: seed.ts), every piece is instead fenced by two marker lines, and what prettier prints
// between them is that piece formatted. In TypeScript placeholders and markers are statements
// (`ccl…p3;`), not comments, so prettier keeps each on a line of its own and keeps the blank lines around
// it as it keeps those around the piece it stands for; in Markdown they are paragraphs.

export interface Piece {
  /** Offset of the piece's first character (its leading comments included). */
  start: number;
  /** Offset just after its last character (a comment ending its last line included). */
  end: number;
  key: string;
  /** A list inside it whose entries are pieces too (a class body, a function or callback body). */
  inner?: Piece[];
}

/** What is remembered: a piece's formatted text by its key. */
export interface PieceMemo {
  get(key: string): string | undefined;
  set(key: string, formatted: string): void;
}

/**
 * A remembered piece is used only in the kind of list and at the depth it came from; the indentation it
 * lands at is checked again after formatting (a long call head can push a callback body one level in).
 */
export function keyOf(kind: string, depth: number, text: string): string {
  return `${kind}${depth}\0${text}`;
}

/** How markers are written in one language. */
export interface MarkerSyntax {
  /** The marker line for placeholder (p), fence start (s) or fence end (e) `id`. */
  line(tag: string, what: "p" | "s" | "e", id: number): string;
  /** What separates a fence marker from the piece: Markdown needs a blank line, or they are one paragraph. */
  gap: string;
  /** Matches a marker line of prettier's output: indentation, p/s/e, id. */
  pattern(tag: string): RegExp;
  /** What prettier prints between two neighbouring pieces, from the blank space between them in the input. */
  between(space: string): string;
}

export const TS_MARKERS: MarkerSyntax = {
  line: (tag, what, id) => `${tag}${what}${id};`,
  gap: "\n",
  pattern: (tag) => new RegExp(`^( *)${tag}([pse])(\\d+);$`),
  // Statements and class members keep one blank line between them if the input had any.
  between: (space) => (/\n[ \t]*\n/.test(space) ? "\n\n" : "\n"),
};

export const MARKDOWN_MARKERS: MarkerSyntax = {
  line: (tag, what, id) => `${tag}${what}${id}`,
  gap: "\n\n",
  pattern: (tag) => new RegExp(`^()${tag}([pse])(\\d+)$`),
  // Top-level blocks: always one blank line.
  between: () => "\n\n",
};

/** Reduced text for prettier, and how to put prettier's output of it back together. */
export interface Reduced {
  text: string;
  /**
   * The formatted file, with what it learned added to the memo; undefined when the output is not as
   * expected (a remembered piece landed at another indentation, a marker moved): format it whole then.
   */
  assemble(output: string): string | undefined;
}

/**
 * Replaces each piece `memo` knows by a placeholder; with `learn`, fences the others with markers, so
 * that assemble() adds how they format to `memo`. `tag` must not occur in `text` (a random word per
 * process; the caller checks).
 */
export function reduce(text: string, pieces: Piece[], memo: PieceMemo, tag: string, syntax: MarkerSyntax, learn: boolean): Reduced {
  /** By id: each piece's key, and its remembered text if there is one. */
  const all: { key: string; known: string | undefined }[] = [];
  let out = "";
  let cursor = 0;
  const emit = (list: Piece[]) => {
    for (let i = 0; i < list.length; i++) {
      const piece = list[i]!;
      out += text.slice(cursor, piece.start);
      let known = memo.get(piece.key);
      let end = piece.end;
      // A run of remembered neighbours gets one placeholder: prettier formats one statement, not ten.
      for (let next: string | undefined; known !== undefined && i + 1 < list.length; ) {
        if ((next = memo.get(list[i + 1]!.key)) === undefined) break;
        known += syntax.between(text.slice(end, list[i + 1]!.start)) + next;
        end = list[++i]!.end;
      }
      const id = all.push({ key: piece.key, known }) - 1;
      if (known !== undefined) {
        out += syntax.line(tag, "p", id);
      } else if (!learn) {
        // Left as it is: its entries may still be remembered.
        cursor = piece.start;
        if (piece.inner) emit(piece.inner);
        out += text.slice(cursor, piece.end);
      } else {
        // Fenced, and split further where it can be: its entries are remembered too, and used even
        // when the piece as a whole is new (a describe() named after the class, its it() blocks not).
        out += syntax.line(tag, "s", id) + syntax.gap;
        cursor = piece.start;
        if (piece.inner) emit(piece.inner);
        out += text.slice(cursor, piece.end) + syntax.gap + syntax.line(tag, "e", id);
      }
      cursor = end;
    }
  };
  emit(pieces);
  out += text.slice(cursor);
  const pattern = syntax.pattern(tag);
  const gapLines = syntax.gap.split("\n").length - 2;
  return {
    text: out,
    assemble(output) {
      const lines: string[] = [];
      const open: { id: number; from: number }[] = [];
      const learned: [string, string][] = [];
      let seen = 0;
      let skip = 0;
      for (const l of output.split("\n")) {
        if (skip > 0 && l === "") {
          skip--;
          continue;
        }
        skip = 0;
        const m = pattern.exec(l);
        if (!m) {
          lines.push(l);
          continue;
        }
        const id = Number(m[3]);
        const piece = all[id];
        if (piece === undefined) return undefined;
        seen++;
        if (m[2] === "p") {
          if (piece.known === undefined || indentOf(piece.known) !== m[1]) return undefined;
          lines.push(piece.known);
        } else if (m[2] === "s") {
          if (piece.known !== undefined || !learn) return undefined;
          open.push({ id, from: lines.length });
          skip = gapLines; // the blank line the gap left after the marker
        } else {
          const fence = open.pop();
          if (fence?.id !== id) return undefined;
          // ...and the one before this marker.
          for (let n = 0; n < gapLines; n++) if (lines.at(-1) === "" && lines.length > fence.from) lines.pop();
          learned.push([piece.key, lines.slice(fence.from).join("\n")]);
        }
      }
      // Every placeholder once, every fence twice, none left open.
      const expected = all.reduce((n, piece) => n + (piece.known !== undefined ? 1 : learn ? 2 : 0), 0);
      if (open.length > 0 || seen !== expected) return undefined;
      for (const [key, formatted] of learned) memo.set(key, formatted);
      return lines.join("\n");
    },
  };
}

function indentOf(formatted: string): string {
  return /^ */.exec(formatted)![0];
}
