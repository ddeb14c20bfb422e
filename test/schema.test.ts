import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { specJsonSchema } from "../src/spec/json-schema.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { REPO } from "./support/paths.js";
import { exampleSpecs } from "./support/specs.js";

describe("the published JSON Schema", () => {
  it("is up to date with the zod schema (run npm run build:schema)", () => {
    expect(readFileSync(join(REPO, "schema/spec.schema.json"), "utf8")).toBe(specJsonSchema());
  });

  it.each(exampleSpecs().map((e) => [e.file, e.spec] as const))("examples/%s is valid and points at the schema", (_file, spec) => {
    expect(() => validateSpec(spec)).not.toThrow();
    expect(spec.$schema).toBe("../schema/spec.schema.json");
  });
});
