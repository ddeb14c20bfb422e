import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CLI, REPO } from "./paths.js";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `create-custom-llm` bin as a user would, with no terminal on stdin. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): CliResult {
  const result = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    input: "",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `node --import` arguments that record every module the run loads into `file` (see record-imports.mjs). */
export function recordImports(file: string): { nodeArgs: string[]; env: NodeJS.ProcessEnv; read: () => string[] } {
  rmSync(file, { force: true });
  return {
    nodeArgs: ["--import", join(REPO, "test/support/record-imports.mjs")],
    env: { RECORD_IMPORTS: file },
    read: () => readFileSync(file, "utf8").trim().split("\n"),
  };
}
