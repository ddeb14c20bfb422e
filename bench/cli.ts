// npm run bench (second part): how the bin feels to start, as ratios against `node -e 0` measured in the
// same run: --help, the time until the first question shows in a terminal, the wait from the last
// answer to the end of a dry run (with and without the warm-up during the questions), and a full run
// from a spec file with no terminal (generate, format, type-check, write). Prints; asserts nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { medianOf, record, row, RUNS, timeProcess } from "./measure.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const cli = join(repo, "dist/src/cli/main.js");
const node = process.execPath;

/** ms until the first question shows, read by the pty driver the tests use; Ctrl-C then ends the run. */
function firstQuestion(cwd: string): number {
  const steps = JSON.stringify([{ expect: "What kind of model?", send: "\x03" }]);
  const r = spawnSync("python3", [join(repo, "test/support/pty-driver.py"), steps, "--", node, cli], { cwd, encoding: "utf8" });
  const result = JSON.parse(r.stdout) as { times: number[]; error: string | null };
  if (result.error) throw new Error(`first question: ${result.error}`);
  return result.times[0]!;
}

/**
 * A person who reads the first question for 2 s and the last for 1 s, and answers the others the shortest
 * way at once: the short questions.
 */
const SHORT_SESSION: { expect: string; send: string; pause?: number }[] = [
  { expect: "What kind of model?", send: "\r", pause: 2000 },
  { expect: "Class name of the wrapper", send: "AcmeLLM\r" },
  { expect: "Description (opens the class docstring):", send: "Acme's hosted models.\r" },
  { expect: "Provider API docs URL (Enter to skip):", send: "\r" },
  { expect: "Stream tokens as they arrive", send: "\r" },
  { expect: "Transport (how the provider is called):", send: "\r" },
  { expect: "Add a constructor param", send: "n\r" },
  { expect: "Does the provider need a secret", send: "n\r" },
  { expect: "npm scope of the package", send: "\r", pause: 1000 },
  { expect: "Dry run: nothing was written.", send: "" },
];

/** ms from the last answer (the scope) to the end of the dry run's report; `readLast`: the 1 s pause on the scope. */
function lastAnswerToDone(cwd: string, prewarm: boolean, readLast = true): number {
  const env = { ...process.env, CREATE_CUSTOM_LLM_PREWARM: prewarm ? "1" : "0" };
  const session = readLast ? SHORT_SESSION : SHORT_SESSION.map((step, i) => (i === SHORT_SESSION.length - 2 ? { ...step, pause: 0 } : step));
  const r = spawnSync("python3", [join(repo, "test/support/pty-driver.py"), JSON.stringify(session), "--", node, cli, "--dry-run"], { cwd, env, encoding: "utf8" });
  const result = JSON.parse(r.stdout) as { times: number[]; error: string | null; status: number };
  if (result.error || result.status !== 0) throw new Error(`last answer: ${result.error ?? `exit ${result.status}`}`);
  // The driver times when each question shows; the answer to the last one is typed after its pause.
  return result.times.at(-1)! - result.times.at(-2)! - (session.at(-2)!.pause ?? 0);
}

// Inside the repo; a package's check reads the declaration snapshot wherever it runs.
const tmp = mkdtempSync(join(repo, ".tmp-bench-cli-"));
try {
  const baseline = medianOf(() => timeProcess(node, ["-e", "0"]));
  const help = medianOf(() => timeProcess(node, [cli, "--help"]));
  const prompt = medianOf(() => firstQuestion(tmp));
  const cold = medianOf(() => lastAnswerToDone(tmp, false));
  const warmed = medianOf(() => lastAnswerToDone(tmp, true));
  const warmedAtOnce = medianOf(() => lastAnswerToDone(tmp, true, false));
  const full = medianOf((i) => timeProcess(node, [cli, join(tmp, `out-${i}`), "--spec", join(repo, "examples/acme.json")], { cwd: tmp, input: "" }));
  const ratio = (ms: number) => `${(ms / baseline).toFixed(2)}x node -e 0`;
  console.log(`\ncreate-custom-llm start-up, median of ${RUNS} runs, Node ${process.version}\n`);
  row("baseline: node -e 0", baseline, "= 1.00x");
  row("create-custom-llm --help", help, ratio(help));
  row("first question on screen (pty; node-plop + inquirer)", prompt, ratio(prompt));
  row("last answer → dry run done (pty), no warm-up", cold, ratio(cold));
  row("  the same, warmed up during the questions", warmed, `${ratio(warmed)}  ${(cold / warmed).toFixed(1)}x faster`);
  row("  the same, the scope answered the moment it is asked", warmedAtOnce, ratio(warmedAtOnce));
  row("full run from a spec, no terminal (generate+write)", full, ratio(full));
  record({ figure: "interactive: last answer → done, warmed up", measured: `${warmed.toFixed(0)} ms / ${baseline.toFixed(0)} ms = ${(warmed / baseline).toFixed(2)}x`, target: "<= 1.5x node", met: warmed / baseline <= 1.5 });
  record({ figure: "--help", measured: `${help.toFixed(0)} ms / ${baseline.toFixed(0)} ms = ${(help / baseline).toFixed(2)}x`, target: "<= 1.5x node", met: help / baseline <= 1.5 });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
