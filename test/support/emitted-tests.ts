import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { childEnv } from "./child-env.js";
import { REPO } from "./paths.js";

export interface EmittedTestFile {
  file: string;
  status: string;
  passed: number;
  failed: number;
  failures: string[];
}

/**
 * Runs the emitted vitest files under `root` with the real vitest, in a child process as a user's
 * `npm test` would, and returns each file's result from vitest's JSON report.
 */
export function runEmittedTests(root: string): EmittedTestFile[] {
  const report = join(root, "vitest-report.json");
  // vitest looks for a config up the tree and would find this repo's own; give it a neutral one.
  const config = join(root, "vitest.config.mjs");
  writeFileSync(config, "export default {};\n");
  const result = spawnSync(
    join(REPO, "node_modules/.bin/vitest"),
    ["run", "--root", root, "--config", config, "--reporter=json", `--outputFile=${report}`],
    { cwd: root, env: childEnv(), encoding: "utf8", timeout: 300_000 },
  );
  let json: { testResults: { name: string; status: string; assertionResults: { status: string; fullName: string; failureMessages: string[] }[] }[] };
  try {
    json = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    throw new Error(`vitest wrote no report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return json.testResults.map((r) => ({
    file: r.name,
    status: r.status,
    passed: r.assertionResults.filter((a) => a.status === "passed").length,
    failed: r.assertionResults.filter((a) => a.status === "failed").length,
    failures: r.assertionResults.filter((a) => a.status === "failed").map((a) => `${a.fullName}: ${a.failureMessages.join("\n")}`),
  }));
}
