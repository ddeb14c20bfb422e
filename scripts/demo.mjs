// npm run demo: generate the bundled example with the real CLI, then type-check the result with its own
// tsconfig and run its emitted tests, as a user would after `npm install`.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const out = join(repo, "demo-output", "acme-llm");
const bin = (name) => join(repo, "node_modules", ".bin", name);

function step(title, command, args, cwd = repo) {
  console.log(`\n> ${title}`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\nDemo failed at: ${title}`);
    process.exit(result.status ?? 1);
  }
}

// demo-output/ is the demo's own scratch folder (git-ignored): start clean each run.
rmSync(out, { recursive: true, force: true });
step("create-custom-llm demo-output/acme-llm --spec examples/acme.json --yes", process.execPath, [
  join(repo, "dist/src/cli/main.js"), out, "--spec", join(repo, "examples/acme.json"), "--yes",
]);
step("tsc --noEmit (the generated package's own tsconfig)", join(repo, "node_modules/typescript/bin/tsc"), ["--noEmit", "-p", out]);
step("vitest run (the generated package's own tests)", bin("vitest"), ["run"], out);
console.log(`\nDone: the wrapper is in ${out}; open src/acme-llm.ts and fill in streamProvider().`);
