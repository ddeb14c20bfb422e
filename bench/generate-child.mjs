// One cold process: loads the built generator, generates the example (cold), then another spec and the
// example again (warm, same process). Prints the timings as JSON for bench/generate.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [exampleFile, secondFile, outFile] = process.argv.slice(2);
const read = (f) => JSON.parse(readFileSync(f, "utf8"));
const t0 = performance.now();
const { generateFiles } = await import("../dist/src/generate.js");
const files = await generateFiles(read(exampleFile));
const cold = performance.now() - t0;
let t = performance.now();
await generateFiles(read(secondFile));
const warmOther = performance.now() - t;
t = performance.now();
await generateFiles(read(exampleFile));
const warmSame = performance.now() - t;
if (outFile) writeFileSync(outFile, JSON.stringify(files));
console.log(JSON.stringify({ cold, warmOther, warmSame }));
