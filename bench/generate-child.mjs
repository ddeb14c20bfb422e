// One cold process: loads the built generator, generates the example (cold), then another spec and the
// example again (warm, same process), then a third spec phase by phase (warm) to show where warm time
// goes, and a fourth with prettier and the check one after the other (what each costs alone). Prints the
// timings as JSON for bench/generate.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [exampleFile, secondFile, thirdFile, fourthFile, outFile] = process.argv.slice(2);
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

// The same pipeline as generateFiles, step by step.
const { validateSpec } = await import("../dist/src/validate/validate-spec.js");
const { renderFiles } = await import("../dist/src/render/render.js");
const { formatFiles } = await import("../dist/src/render/format.js");
const { typecheckFiles, typecheckWhileFormatting } = await import("../dist/src/validate/typecheck.js");
const phases = {};
const lap = (name) => {
  const now = performance.now();
  phases[name] = now - t;
  t = now;
};
t = performance.now();
const spec = validateSpec(read(thirdFile));
lap("validate");
const rendered = renderFiles(spec, "package");
lap("render");
await typecheckWhileFormatting(rendered, formatFiles);
lap("format + check, overlapped");
// Each alone, on a spec not formatted before (prettier's output is remembered within a process).
const fourth = renderFiles(validateSpec(read(fourthFile)), "package");
t = performance.now();
const formatted = await formatFiles(fourth);
lap("(a fourth spec) format alone");
await typecheckFiles(formatted);
lap("(a fourth spec) check alone");

if (outFile) writeFileSync(outFile, JSON.stringify(files));
console.log(JSON.stringify({ cold, warmOther, warmSame, phases }));
