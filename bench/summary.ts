// npm run bench (last part): the user-facing figures the other bench scripts recorded, beside their targets.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { cpus } from "node:os";
import { SUMMARY, type Figure } from "./measure.js";

const recorded = existsSync(SUMMARY) ? readFileSync(SUMMARY, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Figure) : [];
// The latest of each, should a script have run on its own before (its figures then wait in the file).
const figures = [...new Map(recorded.map((f) => [f.figure, f])).values()];
rmSync(SUMMARY, { force: true });
const width = Math.max(...figures.map((f) => f.figure.length), 10);
console.log(`\nUser-facing figures (Node ${process.version}, ${cpus().length} cores)\n`);
console.log(`${"figure".padEnd(width)}  ${"measured".padEnd(30)}  ${"target".padEnd(12)}  met`);
for (const f of figures) console.log(`${f.figure.padEnd(width)}  ${f.measured.padEnd(30)}  ${f.target.padEnd(12)}  ${f.met ? "yes" : "NO"}`);
