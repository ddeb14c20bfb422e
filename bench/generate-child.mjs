// One cold process: loads the built generator and generates the example (cold), then, warm in the same
// process, another spec as large (ollama: another transport, so other templates), a small one, a third
// large one and the example again; then a fifth spec phase by phase (render, prettier alone, the check
// alone) to show where warm time goes; then a chat model into a repo with and without a sharedHelpers
// module. Prints the timings as JSON for bench/generate.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [dir, outFile] = process.argv.slice(2);
const read = (name) => JSON.parse(readFileSync(`${dir}/${name}.json`, "utf8"));
const time = async (run) => {
  const t = performance.now();
  const result = await run();
  return [performance.now() - t, result];
};
const { generateFiles } = await import("../dist/src/generate.js");
const [cold, files] = await time(async () => generateFiles(read("acme")));
const warm = {};
for (const name of ["ollama", "minimal", "openai-compatible", "acme"]) [warm[name]] = await time(() => generateFiles(read(name)));

// The same pipeline as generateFiles, one step after the other.
const { validateSpec } = await import("../dist/src/validate/validate-spec.js");
const { renderFiles } = await import("../dist/src/render/render.js");
const { formatFiles } = await import("../dist/src/format/format.js");
const { typecheckFiles } = await import("../dist/src/check/typecheck.js");
const [render, rendered] = await time(async () => renderFiles(validateSpec(read("http-json")), "package"));
const [format, formatted] = await time(() => formatFiles(rendered));
const [check] = await time(() => typecheckFiles(formatted));

// Into a repo (wrapper mode), warm: a chat model with its own helpers, then importing them from the
// repo's sharedHelpers module (one more file to render, format and check), alternating.
const { parseConfig } = await import("../dist/src/config/load-config.js");
const folders = { class: "src/llms", test: "src/llms", docs: "docs" };
const configs = {
  own: parseConfig({ folders }, process.cwd(), "bench"),
  shared: parseConfig({ folders, sharedHelpers: "src/llm-helpers.ts" }, process.cwd(), "bench"),
};
const wrapper = { own: [], shared: [] };
for (let i = 0; i < 3; i++) {
  for (const kind of ["own", "shared"]) wrapper[kind].push((await time(() => generateFiles(read("chat-openai-compatible"), { config: configs[kind] })))[0]);
}
const middle = (values) => [...values].sort((a, b) => a - b)[1];

if (outFile) writeFileSync(outFile, JSON.stringify(files));
console.log(JSON.stringify({ cold, warm, phases: { render, format, check }, wrapper: { own: middle(wrapper.own), shared: middle(wrapper.shared) } }));
