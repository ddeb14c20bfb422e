// V8 optimizes a function once it has run for a while, compiling it on background threads. A run of ours
// goes through much of prettier's code (and ours) only a few times, so most of that compiling is wasted: for
// a warm spec V8 spent 75–105 ms of CPU compiling code that ran for 40–70 ms, on two cores shared with the
// compiler's process (README, Performance). A larger interrupt budget has V8 wait until code has done ~30
// times as much work before Turbofan optimizes it: code that stays hot is still optimized.
import { setFlagsFromString } from "node:v8";

/** Bytecode run between tier-up checks; Node 20's V8 has 67,584. Measured against 1, 4 and 8 MB and `--no-opt`. */
const INTERRUPT_BUDGET = 2_000_000;

let tuned = false;

/**
 * Sets the interrupt budget, once, before the pipeline's code runs. V8's flags are per process: in a
 * host process (plop, a script) this applies to its code too, where it only delays optimizing.
 * CREATE_CUSTOM_LLM_TUNE_V8=0 leaves V8 as it is, and so does a budget given on node's command line.
 */
export function tuneJit(): void {
  if (tuned) return;
  tuned = true;
  if (process.env.CREATE_CUSTOM_LLM_TUNE_V8 === "0") return;
  if (process.execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) return;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
