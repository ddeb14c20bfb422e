// Timing helpers shared by the bench scripts, and the summary of user-facing figures they record.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall time of a whole child process, in ms; throws if it fails. */
export function timeProcess(cmd: string, args: string[], options: SpawnSyncOptions = {}): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: "utf8", ...options });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
  return ms;
}

/** The median of RUNS wall times of `run(i)`. */
export function medianOf(run: (i: number) => number): number {
  return median(Array.from({ length: RUNS }, (_, i) => run(i)));
}

export function row(label: string, ms: number, note = ""): void {
  console.log(`${label.padEnd(78)} ${ms.toFixed(0).padStart(6)} ms  ${note}`);
}

/** Where each bench script records its user-facing figures; bench/summary.ts prints them and removes it. */
export const SUMMARY = join(dirname(fileURLToPath(import.meta.url)), "../.tmp/bench-summary.jsonl");

export interface Figure {
  figure: string;
  measured: string;
  target: string;
  met: boolean;
}

/** Records one figure of the table for the summary at the end of `npm run bench`. */
export function record(figure: Figure): void {
  mkdirSync(dirname(SUMMARY), { recursive: true });
  appendFileSync(SUMMARY, `${JSON.stringify(figure)}\n`);
}
