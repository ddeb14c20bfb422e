import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultEnv, parseDefault } from "../src/prompts/ask-members.js";
import { checkField, LATER } from "../src/prompts/field-check.js";
import { literalValues, specChoices } from "../src/spec/choices.js";
import { specSchema } from "../src/spec/schema.js";

describe("choices read from the zod schema", () => {
  it("offers every transport the schema accepts, whatever its shape", () => {
    const { transports } = specChoices();
    expect(transports).toContain("custom");
    for (const t of transports) expect(specSchema.shape.transport.safeParse(t).success).toBe(true);
    expect(literalValues(z.literal("custom").default("custom"))).toEqual(["custom"]);
    expect(literalValues(z.enum(["custom", "openai-compatible"]).default("custom"))).toEqual(["custom", "openai-compatible"]);
    expect(literalValues(z.union([z.literal("custom"), z.literal("http")]).optional())).toEqual(["custom", "http"]);
  });

  it("pre-selects the schema's defaults and lists the scalar param types, not the enum object", () => {
    const choices = specChoices();
    expect(choices.defaultTransport).toBe(specSchema.shape.transport.parse(undefined));
    expect(choices.defaultStreaming).toBe(false);
    expect(choices.scalarParamTypes).toEqual(["string", "number", "boolean", "string[]"]);
  });
});

describe("checkField: an answer gets the spec's own rules", () => {
  it("gives the spec's message for the field asked, and only for it", async () => {
    expect(await checkField({ name: "acme", description: LATER }, "name")).toMatch(/PascalCase identifier/);
    expect(await checkField({ name: "Promise", description: LATER }, "name")).toMatch(/collides/);
    expect(await checkField({ name: "AcmeLLM", description: LATER }, "name")).toBe(true);
    // A problem elsewhere in the candidate does not count against this field.
    expect(await checkField({ name: "acme", description: "ok" }, "description")).toBe(true);
  });

  it("checks a param against those before it and against LangChain's members", async () => {
    const params = [{ name: "model", type: "string" as const, description: "M." }];
    const spec = (name: string) => ({ name: "AcmeLLM", description: LATER, params: [...params, { name, type: "string" as const, description: LATER }] });
    expect(await checkField(spec("model"), "params[1].name")).toMatch(/already used by params\[0\]\.name/);
    expect(await checkField(spec("invoke"), "params[1].name")).toMatch(/already a member of LangChain's LLM/);
    expect(await checkField(spec("apiKey"), "params[1].name")).toMatch(/move it to "secrets"/);
    expect(await checkField(spec("topK"), "params[1].name")).toBe(true);
  });
});

describe("typed defaults and suggested names", () => {
  it.each([
    ["number", "0.7", 0.7],
    ["number", "-1", -1],
    ["number", "warm", "warm"],
    ["string", "acme-large", "acme-large"],
    ["string[]", "a, b,,c", ["a", "b", "c"]],
    ["string[]", "[]", []],
    ["string", "", undefined],
  ] as const)("parseDefault(%s, %j) is %j", (type, text, value) => {
    expect(parseDefault(type, text)).toEqual(value);
  });

  it("suggests the provider's variable name for a secret", () => {
    expect(defaultEnv("AcmeLLM", "apiKey")).toBe("ACME_API_KEY");
    expect(defaultEnv("FooBarModel", "orgSecret")).toBe("FOO_BAR_ORG_SECRET");
    expect(defaultEnv("LLM", "apiKey")).toBe("API_KEY");
  });
});
