// Writes dist/types/modules, the declaration snapshot the type-check reads at run time in place of
// node_modules (src/check/check-fs.ts), so @langchain/core, vitest and @types/node need not be installed
// with the generator. Stored as `modules`, not `node_modules`: npm packs a nested node_modules folder, other
// package managers may leave it out. Fails, naming the file, if the check against the snapshot looks for a
// declaration it lacks.
import { join } from "node:path";
import { missingFrom, snapshotCases, writeSnapshot } from "./types-snapshot.js";

const snapshot = join(import.meta.dirname, "../dist/types/modules");
const cases = snapshotCases();
const kept = writeSnapshot(cases, snapshot);
const missing = missingFrom(snapshot, cases);
if (missing.length > 0) {
  console.error(`dist/types/modules lacks declarations the type-check reads:\n${missing.map((p) => `  node_modules/${p}`).join("\n")}`);
  process.exit(1);
}
const packages = new Set(kept.map((p) => p.split("/").slice(0, p.startsWith("@") ? 2 : 1).join("/")));
// On stderr, as scripts/precompile-templates.mjs does: `npm pack --json` runs the build and prints JSON on stdout.
console.error(`${snapshot}: ${kept.length} files of ${packages.size} packages, for ${cases.length} cases checked in one program`);
