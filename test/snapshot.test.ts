// The declaration snapshot (dist/types/modules, written by `npm run build`) in place of node_modules: the
// check gives the same diagnostics as with the full node_modules, on every example and on broken output;
// the build names a declaration the snapshot lacks; and into a repo, the repo's own packages come first.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkWith, FULL_MODULES, missingFrom, snapshotCases } from "../scripts/types-snapshot.js";
import { generateWrapperInto } from "../src/generate.js";
import { snapshotModules } from "../src/check/check-config.js";
import { TypecheckError } from "../src/check/typecheck-error.js";
import { acmeSpec, BREAKS, emitted, where } from "./support/breaks.js";
import { osTempDir } from "./support/pack-repo.js";
import { exampleSpecs } from "./support/specs.js";

const tmp = osTempDir("snapshot");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the check with the declaration snapshot and with the full node_modules", () => {
  it.each(exampleSpecs().map((e) => [e.file, e.spec] as const))("agree on %s: no error", async (_, spec) => {
    const files = await emitted(spec);
    expect(checkWith(snapshotModules(), files).diagnostics).toEqual([]);
    expect(checkWith(FULL_MODULES, files).diagnostics).toEqual([]);
  });

  it.each(BREAKS)("agree on %s", async (_, breakIt) => {
    const files = breakIt(await emitted(acmeSpec()));
    const snapshot = checkWith(snapshotModules(), files).diagnostics;
    expect(snapshot.length).toBeGreaterThan(0);
    expect(where(snapshot)).toEqual(where(checkWith(FULL_MODULES, files).diagnostics));
  });
});

describe("the build's completeness check", () => {
  it("names a declaration the snapshot lacks", () => {
    const copy = join(tmp, "modules");
    cpSync(snapshotModules(), copy, { recursive: true });
    const cases = snapshotCases().filter((c) => c.name.startsWith("acme.json"));
    expect(missingFrom(copy, cases)).toEqual([]);
    rmSync(join(copy, "@langchain/core/dist/language_models/llms.d.ts"));
    rmSync(join(copy, "@types/node/package.json"));
    expect(missingFrom(copy, cases)).toEqual(["@langchain/core/dist/language_models/llms.d.ts", "@types/node/package.json"]);
  });
});

describe("into a repo (wrapper mode)", () => {
  const spec = { name: "RepoLLM", description: "A wrapper in a repo.", streaming: true };

  it("with no node_modules, the check reads the snapshot and passes", async () => {
    const repo = join(tmp, "bare-repo");
    mkdirSync(repo);
    writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "bare", private: true, type: "module" }));
    const files = await generateWrapperInto(repo, spec);
    expect(files.map((f) => f.path).sort()).toEqual([".custom-llm/RepoLLM.json", "docs/repo-llm.md", "src/repo-llm.test.ts", "src/repo-llm.ts"]);
  });

  it("with its own @langchain/core, the check reads the repo's, not the snapshot's", async () => {
    const repo = join(tmp, "own-core-repo");
    const core = join(repo, "node_modules/@langchain/core");
    mkdirSync(core, { recursive: true });
    writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "own", private: true, type: "module" }));
    // A @langchain/core with an LLM class and nothing else: the emitted imports of the rest then fail.
    writeFileSync(join(core, "package.json"), JSON.stringify({ name: "@langchain/core", version: "0.0.0", type: "module", exports: { "./*": { types: "./*.d.ts" } } }));
    mkdirSync(join(core, "language_models"));
    writeFileSync(join(core, "language_models/llms.d.ts"), "export declare class LLM {}\n");
    const error = await generateWrapperInto(repo, spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypecheckError);
    const messages = (error as TypecheckError).diagnostics.map((d) => d.message);
    expect(messages).toContain(`Module '"@langchain/core/language_models/llms"' has no exported member 'BaseLLMParams'.`);
  });
});
