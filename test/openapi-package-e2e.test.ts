import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { npm, osTempDir } from "./support/pack-repo.js";
import { REPO } from "./support/paths.js";

// The package generated from OpenAI's OpenAPI document, outside this repo, runs its own install, tests and
// build, as a user would. Slow (npm install): SKIP_SLOW=1 skips it locally; CI runs it.
const slow = process.env.SKIP_SLOW === "1" ? describe.skip : describe;
const INSTALL = ["--prefer-offline", "--no-audit", "--no-fund"];

slow("the package generated from OpenAI's OpenAPI document", () => {
  const work = osTempDir("openapi-e2e");
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("passes its own npm install, npm test and npm run build", () => {
    const target = join(work, "chat-openai");
    const run = runCli([target, "--from-openapi", join(REPO, "../shared/openapi/openai.yaml"), "--yes", "--scope", "@acme"], work);
    expect(run.status, run.stderr).toBe(0);
    npm(["install", ...INSTALL], target);
    // Colour codes stripped: vitest colours its summary even into a pipe.
    const tests = npm(["test"], target).replace(/\x1b\[[0-9;]*m/g, "");
    expect(tests).toMatch(/Tests\s+\d+ passed/);
    expect(tests).not.toMatch(/failed/);
    npm(["run", "build"], target);
    expect(existsSync(join(target, "dist/index.d.ts"))).toBe(true);
  }, 600_000);
});
