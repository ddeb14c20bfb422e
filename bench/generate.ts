// npm run bench: how long the library's generate+format+type-check takes in one process, cold and warm,
// beside `tsc --noEmit` (TypeScript 5.9) of the same emitted files. The CLI's cold run is bench/install.ts's.
// Prints ratios, asserts nothing.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { median, medianOf, row, RUNS, timeProcess } from "./measure.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const example = join(repo, "examples/acme.json");

const tmp = mkdtempSync(join(repo, ".tmp-bench-"));
try {
  const filesJson = join(tmp, "files.json");
  const child = join(repo, "bench/generate-child.mjs");
  type ChildResult = { cold: number; warm: Record<string, number>; phases: Record<string, number>; wrapper: { own: number; shared: number } };
  const inProcess: ChildResult[] = [];
  const coldProcess: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [child, join(repo, "examples"), filesJson], { encoding: "utf8" });
    coldProcess.push(performance.now() - t);
    if (r.status !== 0) throw new Error(r.stderr);
    inProcess.push(JSON.parse(r.stdout));
  }
  // The same emitted files, written where node_modules resolves, checked by TypeScript 5.9's tsc.
  const pkg = join(tmp, "acme-llm");
  for (const f of JSON.parse(readFileSync(filesJson, "utf8")) as { path: string; contents: string }[]) {
    mkdirSync(dirname(join(pkg, f.path)), { recursive: true });
    writeFileSync(join(pkg, f.path), f.contents);
  }
  const tsc = medianOf(() => timeProcess(join(repo, "node_modules/typescript/bin/tsc"), ["--noEmit", "-p", pkg]));
  const node = medianOf(() => timeProcess(process.execPath, ["-e", "0"]));

  const cold = median(coldProcess);
  const coldIn = median(inProcess.map((r) => r.cold));
  const warm = (name: string) => median(inProcess.map((r) => r.warm[name]!));
  console.log(`median of ${RUNS} runs, Node ${process.version}\n`);
  row("baseline: node -e 0", node);
  row("baseline: tsc --noEmit (TypeScript 5.9) of the output", tsc, "= 1.00x");
  row("cold: library generateFiles(acme)", coldIn, `${(coldIn / tsc).toFixed(2)}x tsc`);
  row("  (that process, with the warm runs below)", cold, "");
  row("warm: another spec as large (ollama), same process", warm("ollama"), `${(warm("ollama") / tsc).toFixed(3)}x tsc  (target <= 100 ms)`);
  row("warm: then a small spec (minimal)", warm("minimal"), `${(warm("minimal") / tsc).toFixed(3)}x tsc`);
  row("warm: then a third large one (openai-compatible)", warm("openai-compatible"), `${(warm("openai-compatible") / tsc).toFixed(3)}x tsc`);
  row("warm: then the example again (acme)", warm("acme"), `${(warm("acme") / tsc).toFixed(3)}x tsc`);
  const own = median(inProcess.map((r) => r.wrapper.own));
  const shared = median(inProcess.map((r) => r.wrapper.shared));
  row("warm, into a repo: a chat model with its own helpers (chat-openai-compatible)", own);
  row("  the same, its helpers from the repo's sharedHelpers module", shared, `${(shared / own).toFixed(2)}x its own helpers`);
  for (const phase of Object.keys(inProcess[0]!.phases)) {
    row(`  warm, a fifth spec (http-json), one step after the other: ${phase}`, median(inProcess.map((r) => r.phases[phase]!)));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
