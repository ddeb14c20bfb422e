import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ModelProfile } from "@langchain/core/language_models/profile";
import { specJsonSchema } from "../src/spec/json-schema.js";
import { profileSchema, type Profile } from "../src/spec/schema.js";
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

describe("the spec's profile", () => {
  it("has exactly the keys of @langchain/core's ModelProfile, as its declaration file lists them", () => {
    const declaration = readFileSync(join(REPO, "node_modules/@langchain/core/dist/language_models/profile.d.ts"), "utf8");
    const body = declaration.slice(declaration.indexOf("export interface ModelProfile {"));
    const coreKeys = [...body.slice(0, body.indexOf("\n}")).matchAll(/^ {2}(\w+)\?:/gm)].map((m) => m[1]);
    expect(coreKeys.length).toBeGreaterThan(10);
    expect(Object.keys(profileSchema.shape).sort()).toEqual(coreKeys.sort());
  });
});

// The same, for the compiler: `npm test` type-checks this file first.
type CoreKeys = keyof ModelProfile;
type OurKeys = keyof Profile;
export const sameKeys: [Exclude<CoreKeys, OurKeys>, Exclude<OurKeys, CoreKeys>] extends [never, never] ? true : never = true;
