// Where the check runs. Built (dist/), in a worker thread: the compiler loads while the spec renders, and
// the warm-up during the questions (prewarm.ts) parses declarations without stalling the prompts. From
// the sources (tests, tsx) there is no built worker file: the check runs in this thread.
import { Worker } from "node:worker_threads";
import type { GeneratedFile } from "../render/render.js";
import type { CheckConfig } from "./check-config.js";
import type { EmittedDiagnostic } from "./typecheck-error.js";

const BUILT = import.meta.url.endsWith(".js");
const WORKER = new URL("./check-worker.js", import.meta.url);

type Answer = { id: number; diagnostics: EmittedDiagnostic[]; error?: undefined } | { id: number; error: string };

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (d: EmittedDiagnostic[]) => void; reject: (e: Error) => void; background: boolean }>();

/** The worker keeps the process alive only while a check someone waits for is pending. */
function refWhileWaited(w: Worker): void {
  if ([...waiting.values()].some((job) => !job.background)) w.ref();
  else w.unref();
}

function checker(): Worker {
  if (worker) return worker;
  // Not the host's flags (Worker's default): --input-type, --eval or a loader of the host's would stop
  // or change the worker's own module. The worker is a built .js file and needs none.
  const started = new Worker(WORKER, { execArgv: [] });
  const fail = (error: Error) => {
    if (worker === started) worker = undefined;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  started.on("message", (answer: Answer) => {
    const job = waiting.get(answer.id);
    waiting.delete(answer.id);
    refWhileWaited(started);
    if (answer.error === undefined) job?.resolve(answer.diagnostics);
    else job?.reject(new Error(answer.error));
  });
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the type-check's worker thread exited (code ${code})`)));
  started.unref();
  worker = started;
  return started;
}

/** Starts the worker, so that the compiler loads while this thread renders. Does not keep the process alive. */
export function startChecker(): void {
  if (BUILT) checker();
}

/** The check of `files`; a `background` one does not keep the process alive (prewarm.ts). */
export async function diagnose(files: readonly GeneratedFile[], config: CheckConfig, background = false): Promise<EmittedDiagnostic[]> {
  if (!BUILT) {
    const { morphDiagnostics } = await import("./morph-check.js");
    return morphDiagnostics(files, config);
  }
  const w = checker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, background });
    refWhileWaited(w);
    w.postMessage({ id, files, config });
  });
}
