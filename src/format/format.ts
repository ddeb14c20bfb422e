import { inWorker, type Result } from "./prettier-worker.js";
import type { GeneratedFile } from "../render/render.js";

// babel-ts gives the same output as the typescript parser here and loads in a third of the time.
const PARSERS: Record<string, string> = { ts: "babel-ts", json: "json", md: "markdown" };
// Prettier formats package.json the way npm writes it; the emitted `prettier --check` expects the same.
const BY_NAME: Record<string, string> = { "package.json": "json-stringify" };
// Same width as the emitted .prettierrc.json, so `npm run lint` in the emitted package passes as written.
export const PRINT_WIDTH = 100;

/**
 * Prettier's output by parser and input, for this process: files that do not depend on the spec
 * (tsconfig.json, vitest.config.ts, .prettierrc.json) come out the same for every spec. Cleared when full.
 */
const formattedBefore = new Map<string, string>();
const REMEMBERED = 64;
const key = (parser: string, contents: string) => `${parser}\0${contents}`;

function parserOf(file: GeneratedFile): string | undefined {
  return BY_NAME[file.path.split("/").pop() ?? ""] ?? PARSERS[file.path.split(".").pop() ?? ""];
}

/** Formats started and not yet finished, by key: formatSoon's, taken up by formatFiles. */
const inFlight = new Map<string, Promise<Result>>();

/** The result for `file`: remembered, in flight, or started now. */
function formatting(file: GeneratedFile, parser: string, background: boolean): Promise<Result> {
  const k = key(parser, file.contents);
  const before = formattedBefore.get(k);
  if (before !== undefined) return Promise.resolve({ contents: before });
  let result = inFlight.get(k);
  if (!result) {
    result = inWorker({ contents: file.contents, parser, printWidth: PRINT_WIDTH }, background).finally(() => inFlight.delete(k));
    inFlight.set(k, result);
    result.then((r) => r.contents !== undefined && remember(k, r.contents), () => undefined);
  }
  return result;
}

function remember(k: string, contents: string): void {
  if (formattedBefore.size >= REMEMBERED) formattedBefore.clear();
  formattedBefore.set(k, contents);
}

/**
 * Starts formatting one file now, for formatFiles to take up: the generator hands each file over as soon
 * as it is rendered, so prettier works while the next one renders.
 */
export function formatSoon(file: GeneratedFile): void {
  const parser = parserOf(file);
  if (parser) formatting(file, parser, false).catch(() => undefined); // formatFiles reports it
}

/**
 * Runs prettier over every file it has a parser for. Prettier runs in a worker thread (prettier-worker.ts),
 * which loads on first use. A `background` call does not keep the process alive (prewarm.ts).
 */
export async function formatFiles(files: readonly GeneratedFile[], background = false): Promise<GeneratedFile[]> {
  const parsers = files.map(parserOf);
  const results = await Promise.all(files.map((f, i) => (parsers[i] ? formatting(f, parsers[i], background) : undefined)));
  return files.map((file, i) => {
    if (!parsers[i]) return file;
    const result = results[i];
    if (result?.contents !== undefined) return { ...file, contents: result.contents };
    const what = file.override ? `override template ${file.override} produced ${file.path}, which` : `internal: generated ${file.path}`;
    throw new Error(`${what} does not parse: ${result?.error ?? "(no answer from prettier)"}`);
  });
}
