// The package's main entry, for a team's own plopfile:
//   export default async (plop) => { await plop.load("create-custom-llm"); };
// node-plop resolves the package's `main` from that plopfile's folder, imports this file as a plopfile and
// copies its generators. `npx plop llm` then adds one wrapper (class, test, docs) to the repo at plop's
// dest (the plopfile's folder unless --dest), following its custom-llm.config.json.
import type { NodePlopAPI, PlopCfg } from "node-plop";
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
}
