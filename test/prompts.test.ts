import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultEnv, parseDefault } from "../src/prompts/ask-members.js";
import { checkField, LATER } from "../src/prompts/field-check.js";
import { literalValues, specChoices } from "../src/spec/choices.js";
import { specSchema, type Transport } from "../src/spec/schema.js";
import { transportOf } from "../src/transports/index.js";
import { askSpec } from "../src/prompts/ask-spec.js";
import { generateFiles } from "../src/generate.js";

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

  it("suggests the provider's variable name for a secret, the same for an LLM and a chat model of one provider", () => {
    expect(defaultEnv({ name: "AcmeLLM" }, "apiKey")).toBe("ACME_API_KEY");
    expect(defaultEnv({ name: "FooBarModel" }, "orgSecret")).toBe("FOO_BAR_ORG_SECRET");
    expect(defaultEnv({ name: "ChatWidget" }, "apiKey")).toBe("WIDGET_API_KEY");
    expect(defaultEnv({ name: "WidgetLLM" }, "apiKey")).toBe("WIDGET_API_KEY");
    expect(defaultEnv({ name: "ChatWidget", provider: "acme-cloud" }, "apiKey")).toBe("ACME_CLOUD_API_KEY");
  });
});

describe("the questions a transport adds", () => {
  /**
   * Plays the terminal: answers each question in turn, checking a typed answer with its validate as the
   * prompt does, and fails the test on an answer the question would refuse.
   */
  function scriptedInquirer(answers: unknown[]) {
    const asked: string[] = [];
    const next = (message: string): unknown => {
      asked.push(message);
      const value = answers.shift();
      if (value === undefined) throw new Error(`no scripted answer for: ${message}`);
      return value;
    };
    const inquirer = {
      async input(q: { message: string; validate?: (v: string) => unknown }) {
        const value = String(next(q.message));
        const ok = q.validate ? await q.validate(value) : true;
        if (ok !== true) throw new Error(`"${value}" refused at "${q.message}": ${String(ok)}`);
        return value;
      },
      async confirm(q: { message: string }) {
        return next(q.message);
      },
      async select(q: { message: string; choices: { value: unknown }[] }) {
        if (q.message.startsWith("Transport")) offered.push(...q.choices.map((c) => c.value));
        return next(q.message);
      },
    };
    /** The values each choice question offered, the transports' among them. */
    const offered: unknown[] = [];
    return { inquirer: inquirer as unknown as Parameters<typeof askSpec>[0], asked, offered };
  }

  const base = ["llm", "AcmeLLM", "Acme's models.", ""];
  /** After the transport's own questions: no (further) param, no secret. */
  const none = [false, false];

  it("asks ollama for its server and model first, and the spec it gives generates", async () => {
    const { inquirer, asked } = scriptedInquirer([...base, true /* streaming */, "ollama", "http://127.0.0.1:11434", "llama3.2", ...none]);
    const spec = await askSpec(inquirer);
    expect(spec).toMatchObject({ transport: "ollama", baseUrl: "http://127.0.0.1:11434", params: [{ name: "model", default: "llama3.2" }] });
    expect(asked).toContain("Base URL of the server: [http://localhost:11434]");
    expect(asked.some((m) => m.startsWith("Default model name"))).toBe(true);
    expect(asked).toContain("Add another constructor param (e.g. temperature, maxTokens)?");
    await expect(generateFiles(spec)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ path: "src/acme-llm.ts" })]));
  });

  it("leaves baseUrl out of the spec when the protocol's usual one is taken", async () => {
    const { inquirer } = scriptedInquirer([...base, false, "openai-compatible", "", "gpt-3.5-turbo-instruct", ...none]);
    expect(await askSpec(inquirer)).not.toHaveProperty("baseUrl");
  });

  it("asks http-json for its endpoint, keys and response path, refusing a bad path", async () => {
    const bad = scriptedInquirer([...base, false, "http-json", "https://gw.example/v1/generate", "input", "output..text"]);
    await expect(askSpec(bad.inquirer)).rejects.toThrow(/dot-separated path/);
    const { inquirer } = scriptedInquirer([...base, true, "http-json", "https://gw.example/v1/generate", "input", "output.text", "stop", "stream", ...none]);
    const spec = await askSpec(inquirer);
    expect(spec.httpJson).toEqual({ url: "https://gw.example/v1/generate", promptField: "input", responsePath: "output.text", stopField: "stop", streamField: "stream" });
    await expect(generateFiles(spec)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ path: "src/acme-llm.test.ts" })]));
  });

  it("asks nothing more for the custom transport", async () => {
    const { inquirer, asked } = scriptedInquirer([...base, false, "custom", ...none]);
    expect(await askSpec(inquirer)).not.toHaveProperty("httpJson");
    expect(asked).toHaveLength(8);
  });

  it("asks the kind first; a chat model's class name follows its convention, http-json is not offered, and the spec generates", async () => {
    const chatAnswers = ["" /* provider: the default */, "128000", true /* images */, true /* structured output */];
    const { inquirer, asked, offered } = scriptedInquirer(["chat", "ChatAcme", "Acme chat.", "", true, "openai-compatible", "https://api.openai.com/v1", "gpt-4o-mini", ...chatAnswers, ...none]);
    const spec = await askSpec(inquirer);
    expect(asked[0]).toBe("What kind of model?");
    expect(asked[1]).toContain("e.g. ChatAcme");
    expect(offered).toEqual(["custom", "openai-compatible", "ollama"]);
    expect(spec).toMatchObject({ kind: "chat", name: "ChatAcme", transport: "openai-compatible", params: [{ name: "model", default: "gpt-4o-mini" }] });
    // The provider the server's address names; the profile: what the transport carries, and the answers.
    expect(asked).toContain("Provider id, for LangSmith's cost and grouping (e.g. openai, mistral): [openai]");
    expect(spec.provider).toBe("openai");
    expect(spec.profile).toEqual({ toolCalling: true, toolChoice: true, maxInputTokens: 128000, imageInputs: true, imageUrlInputs: true, structuredOutput: true });
    await expect(generateFiles(spec)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ path: "src/chat-acme.ts" })]));
  });

  it("a chat model's profile question refuses a context window that is not a whole number, naming the field", async () => {
    const { inquirer } = scriptedInquirer(["chat", "ChatAcme", "Acme chat.", "", false, "custom", "acme", "lots"]);
    await expect(askSpec(inquirer)).rejects.toThrow(/"lots" refused at "Context window.*whole number of tokens/);
  });

  it("describes each transport in one line where it is chosen", () => {
    for (const t of specChoices().transports) expect(transportOf(t as Transport).summary).toMatch(/^\S.{20,80}$/);
  });
});
