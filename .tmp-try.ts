import { snapshotCases, checkWith, FULL_MODULES } from "./scripts/types-snapshot.js";
const cs = snapshotCases();
for (const c of [cs[0]!, cs[2]!]) {
let t = performance.now();
const r = checkWith(FULL_MODULES, c.files);
console.log(c.name, performance.now() - t, r.diagnostics, [...r.found].filter((p) => p.includes("language_models")));
}
process.exit(0);
