// Worker thread: loads TypeScript (half a second) while the main thread validates, renders and formats,
// then checks the files it is sent. Parsing libraries ahead as well was measured and gained nothing:
// the main thread is done first either way. See typecheck-in-worker.ts.
import { parentPort } from "node:worker_threads";
import type { GeneratedFile } from "../render/render.js";
import { emittedDiagnostics } from "./typecheck.js";

if (!parentPort) throw new Error("internal: typecheck-worker.js must run as a worker thread");
const port = parentPort;

port.on("message", (files: GeneratedFile[]) => {
  try {
    port.postMessage({ diagnostics: emittedDiagnostics(files) });
  } catch (error) {
    port.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});
