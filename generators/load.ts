// The package's main entry, for a team's own plopfile:
//   export default async (plop) => { await plop.load("create-custom-llm"); };
// node-plop resolves the package's `main` from that plopfile's folder, imports this file as a plopfile and
// copies its generators. `npx plop llm` then adds one wrapper (class, test, docs) to the repo at plop's
// dest (the plopfile's folder unless --dest), following its custom-llm.config.json; `npx plop llm-update`
// updates every wrapper recorded there. `updateWrapper` is the same update as a library call.
import type { NodePlopAPI, PlopCfg } from "node-plop";
import { registerUpdateGenerator } from "../src/plop/update-generator.js";
import type { UpdateResult, UpdateWrapperOptions } from "../src/update/update-wrapper.js";
import { registerLlmGenerator } from "./llm.js";

/**
 * `plop --force` sets the force of the loading plopfile's instance only: node-plop 0.32 gives a loaded one
 * just `destBasePath` (and what the plopfile passes to load). So the flag is read from plop's argv too,
 * before any `--` (after it come the generator's own arguments).
 */
function plopForceFlag(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === "--force" || arg === "-f");
}

export default function createCustomLlm(plop: NodePlopAPI, config?: Partial<PlopCfg>): void {
  registerLlmGenerator(plop, { mode: "wrapper", force: config?.force === true || plopForceFlag(process.argv.slice(2)) });
  registerUpdateGenerator(plop);
}

/**
 * `create-custom-llm update` as a call: regenerates the wrapper recorded in `dir` (or every one, with
 * `all`) and merges the new output into the files there, keeping hand edits (docs/update.md). Loaded on
 * first call, so `plop.load` stays light.
 */
export async function updateWrapper(dir: string, options: UpdateWrapperOptions = {}): Promise<UpdateResult> {
  const update = await import("../src/update/update-wrapper.js");
  return update.updateWrapper(dir, options);
}

export type { UpdateResult, UpdateWrapperOptions };
