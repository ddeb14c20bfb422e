import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateInto } from "../src/generate.js";
import { formatFiles } from "../src/format/format.js";
import { renderFiles } from "../src/render/render.js";
import { TypecheckError } from "../src/check/typecheck-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { REPO, repoTempDir } from "./support/paths.js";

const dir = repoTempDir("broken");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a template that emits code that does not compile", () => {
  const templates = join(dir, "templates");
  cpSync(join(REPO, "templates"), templates, { recursive: true });
  const file = join(templates, "wrapper/llm.ts.hbs");
  const original = readFileSync(file, "utf8");
  const broken = original.replace("return {{str llmType}};", "return 42;");
  writeFileSync(file, broken);
  const spec = JSON.parse(readFileSync(join(REPO, "examples/acme.json"), "utf8"));

  it("is really broken by this test", () => expect(broken).not.toBe(original));

  it("fails with the emitted file and line, and writes nothing", async () => {
    const target = join(dir, "out");
    const error = await generateInto(target, spec, { templatesDir: templates }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypecheckError);
    const diagnostics = (error as TypecheckError).diagnostics;
    expect(diagnostics).toHaveLength(1);
    // Where the bad line really is in the emitted (formatted) file.
    const emitted = (await formatFiles(renderFiles(validateSpec(spec), "package", templates))).find((f) => f.path === "src/acme-llm.ts")!;
    const line = emitted.contents.split("\n").findIndex((l) => l.includes("return 42;")) + 1;
    expect(diagnostics[0]).toMatchObject({ file: "src/acme-llm.ts", line, code: 2322 });
    expect((error as Error).message).toContain(`src/acme-llm.ts:${line}:`);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual(["templates"]);
  });
});
