import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { precompiled } from "../src/render/precompiled.js";
import { renderFiles, templateFiles } from "../src/render/render.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { REPO, repoTempDir } from "./support/paths.js";
import { exampleSpecs, VARIED_SPECS } from "./support/specs.js";

// Our templates are precompiled at build time (npm run build, which the tests' pretest runs) and used
// only for the exact text they were compiled from; anything else is compiled at run time.

const templates = join(REPO, "templates");
const names = templateFiles(templates);

describe("precompiled templates", () => {
  const copy = repoTempDir("templates-copy");
  cpSync(templates, copy, { recursive: true });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("cover every template and partial, as its text is now", () => {
    expect(names.length).toBeGreaterThan(20);
    const missing = names.filter((name) => precompiled(name, readFileSync(join(templates, name), "utf8")) === undefined);
    expect(missing).toEqual([]);
  });

  it("are not used for any other text: an edited template is compiled afresh", () => {
    const source = readFileSync(join(templates, "wrapper/llm.ts.hbs"), "utf8");
    expect(precompiled("wrapper/llm.ts.hbs", `${source}\n`)).toBeUndefined();
    expect(precompiled("wrapper/no-such.hbs", source)).toBeUndefined();
    expect(precompiled("toString", source)).toBeUndefined();
  });

  // A copy of the folder is not the package's own, so it is compiled at run time: the reference.
  it.each([...exampleSpecs().map(({ file, spec }) => [file, spec] as const), ...Object.entries(VARIED_SPECS)])(
    "render %s exactly as the same templates compiled at run time",
    (_name, spec) => {
      const valid = validateSpec(spec);
      for (const mode of ["package", "wrapper"] as const) expect(renderFiles(valid, mode)).toEqual(renderFiles(valid, mode, copy));
    },
  );
});
