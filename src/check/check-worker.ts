// The type-check's worker thread (check-thread.ts): loads the compiler at once, then checks what it is
// sent, one job a message. The compiler keeps the declarations it parsed from one job to the next.
import { parentPort } from "node:worker_threads";
import type { GeneratedFile } from "../render/render.js";
import type { CheckConfig } from "./check-config.js";
import { morphDiagnostics } from "./morph-check.js";

export interface CheckJob {
  id: number;
  files: GeneratedFile[];
  config: CheckConfig;
}

parentPort?.on("message", ({ id, files, config }: CheckJob) => {
  try {
    parentPort!.postMessage({ id, diagnostics: morphDiagnostics(files, config) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
