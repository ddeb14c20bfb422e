// Writes many files through the real write module, slowly enough to be killed mid-way by test/kill.test.ts.
// argv: target, file count, "force" or "" ; prints "ready" once the files are generated in memory.
import { writeFiles } from "../../dist/src/write/write-files.js";

const [target, count, force] = process.argv.slice(2);
const files = Array.from({ length: Number(count) }, (_, i) => ({
  path: `src/deep/${i % 7}/file-${i}.ts`,
  contents: `export const value${i} = ${JSON.stringify("x".repeat(2000))};\n`,
}));
process.stdout.write("ready\n");
await writeFiles(target, files, { force: force === "force", onRecovered: (m) => process.stderr.write(`${m}\n`) });
process.stdout.write("done\n");
