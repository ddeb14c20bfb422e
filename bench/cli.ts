// npm run bench (second part): how the bin feels to start, as ratios against `node -e 0` measured in the
// same session: --help, the time until the first question shows in a terminal, and a full run from a
// spec file with no terminal (generate, format, type-check, write). Prints; asserts nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { medianOf, row, RUNS, timeProcess } from "./measure.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const cli = join(repo, "dist/src/cli/main.js");
const node = process.execPath;

/** ms until the first question shows, read by the pty driver the tests use; Ctrl-C then ends the run. */
function firstQuestion(cwd: string): number {
  const steps = JSON.stringify([{ expect: "Class name of the wrapper", send: "\x03" }]);
  const r = spawnSync("python3", [join(repo, "test/support/pty-driver.py"), steps, "--", node, cli], { cwd, encoding: "utf8" });
  const result = JSON.parse(r.stdout) as { times: number[]; error: string | null };
  if (result.error) throw new Error(`first question: ${result.error}`);
  return result.times[0]!;
}

// Inside the repo: the run type-checks against our node_modules, as a user's npm exec install does.
const tmp = mkdtempSync(join(repo, ".tmp-bench-cli-"));
try {
  const baseline = medianOf(() => timeProcess(node, ["-e", "0"]));
  const help = medianOf(() => timeProcess(node, [cli, "--help"]));
  const prompt = medianOf(() => firstQuestion(tmp));
  const full = medianOf((i) => timeProcess(node, [cli, join(tmp, `out-${i}`), "--spec", join(repo, "examples/acme.json")], { cwd: tmp, input: "" }));
  const ratio = (ms: number) => `${(ms / baseline).toFixed(2)}x node -e 0`;
  console.log(`\ncreate-custom-llm start-up, median of ${RUNS} runs, Node ${process.version}\n`);
  row("baseline: node -e 0", baseline, "= 1.00x");
  row("create-custom-llm --help", help, ratio(help));
  row("first question on screen (pty; node-plop + inquirer)", prompt, ratio(prompt));
  row("full run from a spec, no terminal (generate+write)", full, ratio(full));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
