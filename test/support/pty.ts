import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO } from "./paths.js";

/** Wait for `expect` on the screen, then (after `pause` ms, a person reading) type `send`. */
export interface Step {
  expect: string;
  send: string;
  pause?: number;
}

export interface PtyResult {
  /** Exit code; 128 + n when a signal n ended the process. */
  status: number;
  /** Everything printed, colours and cursor moves stripped. */
  screen: string;
  /** ms from the start until each step's text showed up. */
  times: number[];
  /** Set when a step's text never showed up. */
  error: string | null;
}

export const ENTER = "\r";
export const DOWN = "\x1b[B";
export const CTRL_C = "\x03";
export const CTRL_D = "\x04";

/** Runs `command` in a real pseudo-terminal (Python's pty module) and types the steps' keys into it. */
export function runInPty(command: string[], steps: Step[], cwd: string, env: NodeJS.ProcessEnv = {}): PtyResult {
  const result = spawnSync("python3", [join(REPO, "test/support/pty-driver.py"), JSON.stringify(steps), "--", ...command], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", TERM: "xterm-256color", ...env },
    encoding: "utf8",
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`pty driver failed (exit ${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as PtyResult;
}
