import { Worker } from "node:worker_threads";
import type { GeneratedFile } from "../render/render.js";
import { TypecheckError, type EmittedDiagnostic } from "./typecheck-error.js";

export interface BackgroundTypecheck {
  /** Resolves when the files type-check; rejects with a TypecheckError naming file and line otherwise. */
  check(files: readonly GeneratedFile[]): Promise<void>;
  /** Ends the worker; call it when done, or the process waits for it. */
  close(): Promise<void>;
}

/**
 * Starts the type-checker in a worker thread right away: loading TypeScript then overlaps, on the second
 * core, with validation, rendering and prettier on this one.
 * Runs from the built package (dist/), where the worker's .js file exists.
 */
export function startBackgroundTypecheck(): BackgroundTypecheck {
  const worker = new Worker(new URL("./typecheck-worker.js", import.meta.url));
  return {
    check(files) {
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        worker.once("error", onError);
        worker.once("message", (reply: { diagnostics?: EmittedDiagnostic[]; error?: string }) => {
          worker.off("error", onError);
          if (reply.error !== undefined) reject(new Error(`internal: the type-check failed: ${reply.error}`));
          else if (reply.diagnostics && reply.diagnostics.length > 0) reject(new TypecheckError(reply.diagnostics));
          else resolve();
        });
        worker.postMessage(files);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
