// Which files go through prettier by pieces (reduce.ts), split how, and what is remembered: the seed
// built with the package (seed.ts).
import { randomBytes } from "node:crypto";
import { loadSeed } from "./seed.js";
import { MARKDOWN_MARKERS, reduce, TS_MARKERS, type PieceMemo, type Reduced } from "./reduce.js";
import { splitMarkdown } from "./split-markdown.js";
import { splitTs, type AstNode, type ParseTs } from "./split-ts.js";

let seed: ReadonlyMap<string, string> | undefined;
let seedWidth = 0;

/**
 * The seed's pieces, read on first use. A run learns nothing more: the pieces not in the seed are those
 * that depend on the spec, which recur only with the same spec, and formatFiles remembers whole files.
 * Fencing them to learn them would cost prettier two statements each.
 */
function seedMemo(printWidth: number): PieceMemo {
  if (seedWidth !== printWidth) [seed, seedWidth] = [undefined, printWidth];
  return { get: (k) => (seed ??= loadSeed(printWidth)).get(k), set: () => undefined };
}

// Marks the placeholders and fences in the text prettier is given; random, so no spec contains it, and
// letters and digits only, so that Markdown prints it as it is.
const TAG = `ccl${randomBytes(6).toString("hex")}z`;

let loadingParser: Promise<ParseTs | null> | undefined;
/**
 * Set once loaded: the split then runs at once, and the reduced text reaches prettier without a wait;
 * null when oxc-parser cannot load.
 */
let parseTs: ParseTs | null | undefined;

/**
 * oxc-parser, on this thread: the split needs node offsets only, and it gives them in a tenth of the time
 * prettier's own babel-ts parser takes (~2 vs 15-30 ms for a large spec's files, README Performance).
 * Its native binary is an optional dependency: without one for this platform, files are formatted whole.
 */
function loadTsParser(): Promise<ParseTs | null> {
  loadingParser ??= import("oxc-parser").then(
    ({ parseSync }) => {
      parseTs = (text) => {
        const { program, errors } = parseSync("emitted.ts", text, { lang: "ts", sourceType: "module" });
        return errors.length > 0 ? undefined : (program as unknown as AstNode);
      };
      return parseTs;
    },
    () => (parseTs = null),
  );
  return loadingParser;
}

/**
 * The reduced text of `contents` for prettier `parser`, with the seed's pieces as placeholders (or, to
 * build the seed, every piece fenced so that it is learnt into `learnInto`), or undefined when the file
 * is not split: another parser, a layout we do not split, or TypeScript that does not parse (prettier,
 * given the whole file, then says where). `known`: pieces the caller has formatted already, by key (a
 * Markdown file's TypeScript fences: tsFences in split-markdown.ts).
 */
export function reduceForPrettier(
  contents: string,
  parser: string,
  printWidth: number,
  learnInto?: PieceMemo,
  known?: ReadonlyMap<string, string>,
): Reduced | undefined | Promise<Reduced | undefined> {
  const base = learnInto ?? seedMemo(printWidth);
  const memo: PieceMemo = known ? { get: (k) => known.get(k) ?? base.get(k), set: (k, f) => base.set(k, f) } : base;
  const learn = learnInto !== undefined;
  if (contents.includes(TAG)) return undefined;
  if (parser === "markdown") {
    const pieces = splitMarkdown(contents);
    return pieces && reduce(contents, pieces, memo, TAG, MARKDOWN_MARKERS, learn);
  }
  if (parser !== "babel-ts" || parseTs === null) return undefined;
  const splitWith = (parse: ParseTs | null) => {
    if (!parse) return undefined;
    try {
      const pieces = splitTs(contents, parse);
      return pieces && reduce(contents, pieces, memo, TAG, TS_MARKERS, learn);
    } catch {
      return undefined;
    }
  };
  return parseTs ? splitWith(parseTs) : loadTsParser().then(splitWith);
}
