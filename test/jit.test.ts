// src/jit.ts: the pipeline raises V8's interrupt budget for its process, so code that runs only a few times
// is not optimized. Seen from outside: a node run with --trace-opt, which prints each function V8 marks
// for optimizing, calls a small function 1,500 times after renderSpec. V8's default budget marks it for
// Turbofan after 200 to 500 calls; the raised one after 5,000 to 10,000 (measured on Node 20).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { childEnv } from "./support/child-env.js";
import { REPO } from "./support/paths.js";

const PROBE = `
const { renderSpec } = await import(${JSON.stringify(pathToFileURL(join(REPO, "dist/src/generate.js")).href)});
renderSpec({ name: "ProbeLLM", description: "Only renders." });
function hotProbe(a) { let s = 0; for (let i = 0; i < 10; i++) s += a * i; return s; }
let total = 0;
for (let i = 0; i < 1500; i++) total += hotProbe(i);
console.log("probe done", total > 0);
`;

/** How many --trace-opt lines name hotProbe for Turbofan (0: never marked nor optimized). */
function marks(env: Record<string, string>, nodeArgs: string[] = []): number {
  const args = [...nodeArgs, "--trace-opt", "--input-type=module", "-e", PROBE];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", env: childEnv(env) });
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("probe done true");
  return r.stdout.split("\n").filter((line) => line.includes("hotProbe") && line.includes("TURBOFAN")).length;
}

describe("V8 tuning", () => {
  it("after renderSpec, a function called 1,500 times is not optimized", () => {
    expect(marks({})).toBe(0);
  });

  it("CREATE_CUSTOM_LLM_TUNE_V8=0 leaves V8's default, which optimizes it", () => {
    expect(marks({ CREATE_CUSTOM_LLM_TUNE_V8: "0" })).toBeGreaterThan(0);
  });

  it("a budget given on node's command line is left as given", () => {
    expect(marks({}, ["--interrupt-budget=67584"])).toBeGreaterThan(0);
  });
});
