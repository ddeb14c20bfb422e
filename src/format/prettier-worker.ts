// Prettier in a worker thread: on this thread prettier never yields while it formats a file, and this
// thread meanwhile answers the type-check that runs alongside (docs/architecture.md, docs/performance.md).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

export interface Job {
  contents: string;
  parser: string;
  printWidth: number;
}
/** Per job: the formatted text, or prettier's error message. */
export type Result = { contents: string; error?: undefined } | { contents?: undefined; error: string };

// The worker's code, evaluated (a file would need building; tests run our sources): it loads prettier
// at once and formats what it is sent, one file a message. No `require` and no top-level
// await: an eval'd worker is a CommonJS script, or a module under `node --input-type=module`.
const WORKER = `
(async () => {
  const { parentPort, workerData } = await import("node:worker_threads");
  const loading = import(workerData.prettier);
  parentPort.on("message", async ({ id, job }) => {
    const prettier = await loading;
    const { contents, parser, printWidth } = job;
    try {
      parentPort.postMessage({ id, result: { contents: await prettier.format(contents, { parser, printWidth }) } });
    } catch (error) {
      parentPort.postMessage({ id, result: { error: String((error && error.message) || error) } });
    }
  });
})();
`;

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void; background: boolean }>();

/** The worker keeps the process alive only while a call someone waits for is pending. */
function refWhileWaited(w: Worker): void {
  if ([...waiting.values()].some((job) => !job.background)) w.ref();
  else w.unref();
}

function formatter(): Worker {
  if (worker) return worker;
  const prettier = join(dirname(createRequire(import.meta.url).resolve("prettier/package.json")), "index.mjs");
  // Not the host's flags (Worker's default): a host run as `node --input-type=module -e …` would pass
  // --input-type on, which Node refuses for a worker. The worker's script imports prettier and needs none.
  const started = new Worker(WORKER, { eval: true, execArgv: [], workerData: { prettier: pathToFileURL(prettier).href } });
  const fail = (error: Error) => {
    if (worker === started) worker = undefined;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  started.on("message", ({ id, result }: { id: number; result: Result }) => {
    waiting.get(id)?.resolve(result);
    waiting.delete(id);
    refWhileWaited(started);
  });
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`prettier's worker thread exited (code ${code})`)));
  worker = started;
  return started;
}

export function inWorker(job: Job, background: boolean): Promise<Result> {
  const w = formatter();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, background });
    refWhileWaited(w);
    w.postMessage({ id, job });
  });
}
