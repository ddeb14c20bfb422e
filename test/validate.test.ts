import { describe, expect, it } from "vitest";
import type { SpecInput } from "../src/spec/schema.js";
import { SpecError } from "../src/validate/spec-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";

const base: SpecInput = {
  name: "AcmeLLM",
  description: "Acme.",
  params: [{ name: "temperature", type: "number", description: "T.", default: 0.5 }],
  secrets: [{ name: "apiKey", env: "ACME_API_KEY", description: "Key." }],
};

function issuesOf(spec: unknown) {
  try {
    validateSpec(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).issues;
  }
  throw new Error("expected the spec to be rejected");
}

const param = (p: object) => ({ ...base, params: [{ name: "p", type: "string", description: "P.", ...p }] });
const secret = (s: object) => ({ ...base, secrets: [{ name: "apiKey", env: "ACME_API_KEY", description: "Key.", ...s }] });

// [what is wrong, spec, path named, words the message must contain]
const CASES: [string, unknown, string, RegExp][] = [
  ["spec is not an object", 42, "", /object/],
  ["name missing", { description: "d" }, "name", /is required.*PascalCase/],
  ["name not PascalCase", { ...base, name: "acme-llm" }, "name", /PascalCase/],
  ["name shadows an import", { ...base, name: "LLM" }, "name", /collides/],
  ["name shadows a global", { ...base, name: "Promise" }, "name", /collides/],
  ["name too long", { ...base, name: `A${"b".repeat(80)}` }, "name", /keep it to 64/],
  ["unknown field", { ...base, streamin: true }, "", /streamin/],
  ["description empty", { ...base, description: "  " }, "description", /must not be empty/],
  ["description huge", { ...base, description: "x".repeat(5000) }, "description", /under 2000/],
  ["llmType with spaces", { ...base, llmType: "Acme LLM" }, "llmType", /lower-case/],
  ["docsUrl not http", { ...base, docsUrl: "javascript:alert(1)" }, "docsUrl", /http\(s\) URL/],
  ["streaming not boolean", { ...base, streaming: "yes" }, "streaming", /true or false/],
  ["transport unknown", { ...base, transport: "grpc" }, "transport", /"custom"/],
  ["params not a list", { ...base, params: {} }, "params", /list/],
  ["param name missing", param({ name: undefined }), "params[0].name", /is required/],
  ["param name not an identifier", param({ name: "max-tokens" }), "params[0].name", /identifier/],
  ["param name reserved", param({ name: "class" }), "params[0].name", /reserved word/],
  ["param name inherited from LLM", param({ name: "invoke" }), "params[0].name", /member of LangChain's LLM/],
  ["param name inherited field", param({ name: "verbose" }), "params[0].name", /member of LangChain's LLM/],
  ["param name generated member", param({ name: "callProvider" }), "params[0].name", /member/],
  ["too many params", { ...base, params: Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, type: "string", description: "d" })) }, "params", /more than 100/],
  ["param named like a call option", param({ name: "stop" }), "params[0].name", /call option/],
  ["param looks like a secret", param({ name: "apiKey" }), "params[0].name", /move it to "secrets"/],
  ["param type unknown", param({ type: "int" }), "params[0].type", /one of/],
  ["param enum empty", param({ type: { enum: [] } }), "params[0].type.enum", /at least one/],
  ["param enum duplicates", param({ type: { enum: ["a", "a"] } }), "params[0].type.enum", /duplicate/],
  ["param default wrong type", param({ type: "number", default: "1" }), "params[0].default", /not a number/],
  ["param default not in enum", param({ type: { enum: ["a", "b"] }, default: "c" }), "params[0].default", /one of "a", "b"/],
  ["param default list of numbers", param({ type: "string[]", default: [1] }), "params[0].default", /string/],
  ["param description missing", param({ description: undefined }), "params[0].description", /is required/],
  ["param duplicate", { ...base, params: [base.params![0], base.params![0]] }, "params[1].name", /already used/],
  ["secret env lower case", secret({ env: "acme_key" }), "secrets[0].env", /UPPER_SNAKE_CASE/],
  ["secret name clashes with param", secret({ name: "temperature" }), "secrets[0].name", /already used by params\[0\]/],
  ["secret env duplicate", { ...base, secrets: [base.secrets![0], { ...base.secrets![0], name: "other" }] }, "secrets[1].env", /already read/],
];

describe("validateSpec", () => {
  it.each(CASES)("rejects: %s", (_label, spec, path, message) => {
    const issues = issuesOf(spec);
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it("lists every problem at once, each in the error message", () => {
    const error = (() => {
      try {
        validateSpec({ name: "x", description: "", params: [{ name: "1a" }] }, "acme.json");
      } catch (e) {
        return e as SpecError;
      }
    })();
    expect(error?.issues.length).toBeGreaterThanOrEqual(4);
    expect(error?.message).toMatch(/^Invalid acme\.json \(\d+ problems\):/);
    for (const issue of error!.issues) expect(error!.message).toContain(`${issue.path}: ${issue.message}`);
  });

  it("accepts a good spec and fills in defaults", () => {
    const spec = validateSpec({ name: "AcmeLLM", description: "Acme." });
    expect(spec).toMatchObject({ params: [], secrets: [], streaming: false, transport: "custom" });
  });
});
