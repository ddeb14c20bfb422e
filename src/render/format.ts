import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { GeneratedFile } from "./render.js";

// babel-ts gives the same output as the typescript parser here and loads in a third of the time.
const PARSERS: Record<string, string> = { ts: "babel-ts", json: "json", md: "markdown" };
// Prettier formats package.json the way npm writes it; the emitted `prettier --check` expects the same.
const BY_NAME: Record<string, string> = { "package.json": "json-stringify" };
// Same width as the emitted .prettierrc.json, so `npm run lint` in the emitted package passes as written.
const PRINT_WIDTH = 100;

/**
 * Prettier's output by parser and input, for this process: files that do not depend on the spec
 * (tsconfig.json, vitest.config.ts, .prettierrc.json) come out the same for every spec. Cleared when full.
 */
const formattedBefore = new Map<string, string>();
const REMEMBERED = 64;
const key = (parser: string, contents: string) => `${parser}\0${contents}`;

/**
 * Runs prettier over every file it has a parser for. Prettier runs in a worker thread: it never yields
 * while it formats a file (40–150 ms each), and this thread meanwhile answers the type-check that runs
 * alongside (README, How it works). The worker, and prettier in it, load on first use. A `background`
 * call does not keep the process alive (prewarm.ts).
 */
export async function formatFiles(files: readonly GeneratedFile[], background = false): Promise<GeneratedFile[]> {
  const parsers = files.map((f) => BY_NAME[f.path.split("/").pop() ?? ""] ?? PARSERS[f.path.split(".").pop() ?? ""]);
  /** This call's outputs (or prettier's error) by key: the memo may be cleared meanwhile. */
  const known = new Map<string, Result>();
  const jobs: Job[] = [];
  files.forEach((f, i) => {
    const parser = parsers[i];
    if (!parser || known.has(key(parser, f.contents))) return;
    const before = formattedBefore.get(key(parser, f.contents));
    if (before !== undefined) known.set(key(parser, f.contents), { contents: before });
    else jobs.push({ contents: f.contents, parser, printWidth: PRINT_WIDTH });
  });
  const results = jobs.length === 0 ? [] : await inWorker(jobs, background);
  results.forEach((result, i) => {
    const k = key(jobs[i]!.parser, jobs[i]!.contents);
    known.set(k, result);
    if (result.contents === undefined) return;
    if (formattedBefore.size >= REMEMBERED) formattedBefore.clear();
    formattedBefore.set(k, result.contents);
  });
  return files.map((file, i) => {
    const parser = parsers[i];
    if (!parser) return file;
    const result = known.get(key(parser, file.contents));
    if (result?.contents !== undefined) return { ...file, contents: result.contents };
    const what = file.override ? `override template ${file.override} produced ${file.path}, which` : `internal: generated ${file.path}`;
    throw new Error(`${what} does not parse: ${result?.error ?? "(no answer from prettier)"}`);
  });
}

interface Job {
  contents: string;
  parser: string;
  printWidth: number;
}
/** Per job: the formatted text, or prettier's error message. */
type Result = { contents: string; error?: undefined } | { contents?: undefined; error: string };

// The worker's code, evaluated (a file would need building; tests run our sources): it loads prettier
// at once and formats what it is sent, one message of files at a time. No `require` and no top-level
// await: an eval'd worker is a CommonJS script, or a module under `node --input-type=module`.
const WORKER = `
(async () => {
  const { parentPort, workerData } = await import("node:worker_threads");
  const loading = import(workerData.prettier);
  parentPort.on("message", async ({ id, jobs }) => {
    const prettier = await loading;
    const results = [];
    for (const { contents, parser, printWidth } of jobs) {
      try {
        results.push({ contents: await prettier.format(contents, { parser, printWidth }) });
      } catch (error) {
        results.push({ error: String((error && error.message) || error) });
      }
    }
    parentPort.postMessage({ id, results });
  });
})();
`;

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (results: Result[]) => void; reject: (error: Error) => void; background: boolean }>();

/** The worker keeps the process alive only while a call someone waits for is pending. */
function refWhileWaited(w: Worker): void {
  if ([...waiting.values()].some((job) => !job.background)) w.ref();
  else w.unref();
}

function formatter(): Worker {
  if (worker) return worker;
  const prettier = join(dirname(createRequire(import.meta.url).resolve("prettier/package.json")), "index.mjs");
  const started = new Worker(WORKER, { eval: true, workerData: { prettier: pathToFileURL(prettier).href } });
  const fail = (error: Error) => {
    if (worker === started) worker = undefined;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  started.on("message", ({ id, results }: { id: number; results: Result[] }) => {
    waiting.get(id)?.resolve(results);
    waiting.delete(id);
    refWhileWaited(started);
  });
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`prettier's worker thread exited (code ${code})`)));
  worker = started;
  return started;
}

function inWorker(jobs: Job[], background: boolean): Promise<Result[]> {
  const w = formatter();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, background });
    refWhileWaited(w);
    w.postMessage({ id, jobs });
  });
}
