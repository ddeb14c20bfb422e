// Worker thread: loads the compiler and parses the libraries while the main thread validates, renders
// and formats, then checks the files it is sent. See typecheck-in-worker.ts.
import { parentPort } from "node:worker_threads";
import type { GeneratedFile } from "../render/render.js";
import { emittedDiagnostics, warmUpTypecheck } from "./typecheck.js";

if (!parentPort) throw new Error("internal: typecheck-worker.js must run as a worker thread");
const port = parentPort;

warmUpTypecheck();
port.on("message", (files: GeneratedFile[]) => {
  try {
    port.postMessage({ diagnostics: emittedDiagnostics(files) });
  } catch (error) {
    port.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});
