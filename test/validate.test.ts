import { describe, expect, it } from "vitest";
import type { SpecInput } from "../src/spec/schema.js";
import { SpecError } from "../src/validate/spec-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { CHAT_MODEL_MEMBERS, LLM_MEMBERS } from "../src/validate/llm-members.generated.js";
import { probeChatModelMembers, probeLlmMembers } from "../src/validate/llm-probe.js";

describe("the LLM member names a param may not take", () => {
  it("match the installed @langchain/core's real LLM class (run npm run build:members)", () => {
    expect(LLM_MEMBERS).toEqual(probeLlmMembers());
    expect(LLM_MEMBERS).toEqual(expect.arrayContaining(["invoke", "stream", "batch", "callbacks", "lc_secrets", "caller"]));
  });

  it("and BaseChatModel's, for chat specs", () => {
    expect(CHAT_MODEL_MEMBERS).toEqual(probeChatModelMembers());
    expect(CHAT_MODEL_MEMBERS).toEqual(expect.arrayContaining(["invoke", "withStructuredOutput", "getLsParams", "_streamChatModelEvents", "caller"]));
  });
});

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
const openai = (extra: object) => ({ ...base, transport: "openai-compatible", params: [{ name: "model", type: "string", description: "M.", default: "m" }], ...extra });
const httpJson = (json: object) => ({
  ...base,
  transport: "http-json",
  httpJson: { url: "https://llm.example.com/generate", promptField: "prompt", responsePath: "output.text", ...json },
});
const secret = (s: object) => ({ ...base, secrets: [{ name: "apiKey", env: "ACME_API_KEY", description: "Key.", ...s }] });

// [what is wrong, spec, path named, words the message must contain]
const CASES: [string, unknown, string, RegExp][] = [
  ["spec is not an object", 42, "", /object/],
  ["name missing", { description: "d" }, "name", /is required.*PascalCase/],
  ["name not PascalCase", { ...base, name: "acme-llm" }, "name", /PascalCase/],
  ["name shadows an import", { ...base, name: "LLM" }, "name", /collides/],
  ["name shadows an emitted HTTP helper", { ...base, name: "HttpError" }, "name", /collides/],
  ["name shadows a global", { ...base, name: "Promise" }, "name", /collides/],
  ["name too long", { ...base, name: `A${"b".repeat(80)}` }, "name", /keep it to 64/],
  ["unknown field", { ...base, streamin: true }, "streamin", /is not a known field: did you mean "streaming"/],
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
  ["param named like a call option", param({ name: "stop" }), "params[0].name", /call's options/],
  ["profile on an LLM", { ...base, profile: { maxInputTokens: 8000 } }, "profile", /chat models only.*"kind": "chat"/],
  ["provider on an LLM", { ...base, provider: "acme" }, "provider", /chat models only/],
  ["provider not an id", { ...base, kind: "chat", provider: "Acme AI" }, "provider", /provider id of lower-case/],
  ["profile with an unknown key", { ...base, kind: "chat", profile: { toolCalls: true } }, "profile.toolCalls", /did you mean "toolCalling"/],
  ["profile token count not whole", { ...base, kind: "chat", profile: { maxInputTokens: 12.5 } }, "profile.maxInputTokens", /whole number/],
  ["param named like a chat call option the params report", { ...param({ name: "tools" }), kind: "chat" }, "params[0].name", /bindTools/],
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
  ["httpJson without its transport", { ...base, httpJson: { url: "https://x.example", promptField: "p", responsePath: "t" } }, "httpJson", /only read with transport "http-json"/],
  ["http-json without httpJson", { ...base, transport: "http-json" }, "httpJson", /is required with transport "http-json"/],
  ["httpJson.url not http", httpJson({ url: "ftp://x.example/gen" }), "httpJson.url", /http\(s\) URL/],
  ["httpJson.promptField missing", httpJson({ promptField: undefined }), "httpJson.promptField", /is required/],
  ["httpJson.promptField not a key", httpJson({ promptField: "a b" }), "httpJson.promptField", /JSON key/],
  ["httpJson.responsePath empty segment", httpJson({ responsePath: "output..text" }), "httpJson.responsePath", /dot-separated path/],
  ["httpJson unknown field", httpJson({ method: "GET" }), "httpJson.method", /is not a known field; the fields here are "url"/],
  ["two params sent under one snake_case key", openai({ params: [{ name: "model", type: "string", description: "M.", default: "m" }, { name: "topP", type: "number", description: "T." }, { name: "top_p", type: "number", description: "T." }] }), "params[2].name", /sent as "top_p", the key param "topP" is sent as/],
  ["httpJson.streamField same key as promptField", httpJson({ promptField: "p", streamField: "p" }), "httpJson.streamField", /httpJson.promptField already uses/],
  ["httpJson.stopField same key as promptField", httpJson({ promptField: "q", stopField: "q" }), "httpJson.stopField", /httpJson.promptField already uses/],
  ["http-json param clashes with promptField", { ...httpJson({}), params: [{ name: "prompt", type: "string", description: "P.", default: "x" }] }, "params[0].name", /request body key/],
  ["baseUrl with the custom transport", { ...base, baseUrl: "https://x.example/v1" }, "baseUrl", /only read with transport "openai-compatible" or "ollama"; remove it$/],
  ["baseUrl with http-json", { ...httpJson({}), baseUrl: "https://x.example/v1" }, "baseUrl", /only read with transport "openai-compatible" or "ollama"; use httpJson.url$/],
  ["modelKwargs as a param of an openai-compatible chat model", { ...openai({ params: [{ name: "model", type: "string", description: "M." }, { name: "modelKwargs", type: "string", description: "K." }] }), kind: "chat" }, "params[1].name", /"modelKwargs" is a constructor field transport "openai-compatible" adds itself/],
  ["baseUrl not a URL", openai({ baseUrl: "localhost:11434" }), "baseUrl", /http\(s\) URL/],
  ["openai-compatible without a model param", { ...base, transport: "openai-compatible" }, "params", /add a string param named "model"/],
  ["ollama with a number model param", { ...base, transport: "ollama", params: [{ name: "model", type: "number", description: "M." }] }, "params", /named "model"/],
  ["HTTP transport with two secrets", openai({ secrets: [base.secrets![0], { name: "orgKey", env: "ORG_KEY", description: "O." }] }), "secrets[1]", /one secret, as the bearer token/],
  ["param takes the generated baseUrl", openai({ params: [{ name: "model", type: "string", description: "M." }, { name: "baseUrl", type: "string", description: "B." }] }), "params[1].name", /"baseUrl" is a constructor field transport "openai-compatible" adds itself \(the server's base URL\)/],
  ["param sent as a body key the wrapper sets", openai({ params: [{ name: "model", type: "string", description: "M." }, { name: "prompt", type: "string", description: "P." }] }), "params[1].name", /"prompt", a request body key/],
  ["kind unknown", { ...base, kind: "embeddings" }, "kind", /"llm", "chat"/],
  ["chat over http-json", { ...httpJson({}), kind: "chat", name: "ChatAcme" }, "transport", /cannot serve a chat model.*"openai-compatible" or "ollama".*"custom"/],
  ["chat param shadows a BaseChatModel member", { ...param({ name: "bindTools" }), kind: "chat" }, "params[0].name", /member of LangChain's BaseChatModel class/],
  ["chat name shadows an emitted chat helper", { ...base, kind: "chat", name: "StructuredSchema" }, "name", /collides.*"ChatAcme"/],
  ["chat param takes a derived chat type name", { ...param({ name: "AcmeLLMDelta" }), kind: "chat" }, "params[0].name", /generated type name/],
  ["openai-compatible chat param takes the generated modelKwargs", { ...openai({ params: [{ name: "model", type: "string", description: "M." }, { name: "modelKwargs", type: "string", description: "K." }] }), kind: "chat", name: "ChatAcme" }, "params[1].name", /"modelKwargs" is a constructor field transport "openai-compatible" adds itself \(extra request body fields\)/],
  ["chat param sent as a chat body key", { ...openai({ params: [{ name: "model", type: "string", description: "M." }, { name: "toolChoice", type: "string", description: "T." }] }), kind: "chat" }, "params[1].name", /"tool_choice", a request body key/],
  ["secret env duplicate", { ...base, secrets: [base.secrets![0], { ...base.secrets![0], name: "other" }] }, "secrets[1].env", /already read/],
  ["param wire with the custom transport", param({ wire: "p_key" }), "params[0].wire", /only read by the HTTP transports/],
  ["param wire not a JSON key", openai({ params: [{ name: "model", type: "string", description: "M." }, { name: "topK", type: "number", description: "K.", wire: "top k" }] }), "params[1].wire", /must be a JSON key/],
  ["param wire a body key the wrapper sets", openai({ params: [{ name: "model", type: "string", description: "M." }, { name: "extra", type: "string", description: "E.", wire: "stream" }] }), "params[1].wire", /"stream", a request body key the wrapper sets itself; choose another wire/],
  ["param wire the key another param is sent as", openai({ params: [{ name: "model", type: "string", description: "M." }, { name: "topK", type: "number", description: "K." }, { name: "k", type: "number", description: "K.", wire: "top_k" }] }), "params[2].wire", /the key param "topK" is sent as/],
  ["secret header with the custom transport", { ...base, secrets: [{ ...base.secrets![0], header: "x-api-key" }] }, "secrets[0].header", /only read by the HTTP transports/],
  ["secret header the wrapper sets", openai({ secrets: [{ ...base.secrets![0], header: "Content-Type" }] }), "secrets[0].header", /"Content-Type" is a header the wrapper sets itself/],
  ["secret header not a header name", openai({ secrets: [{ ...base.secrets![0], header: "x api key" }] }), "secrets[0].header", /must be an HTTP header name/],
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

  it("lets a custom spec use the names HTTP transports reserve", () => {
    expect(() => validateSpec({ ...base, params: [{ name: "url", type: "string", description: "U." }, { name: "baseUrl", type: "string", description: "B." }] })).not.toThrow();
  });

  it("lets an ollama chat spec have a param named modelKwargs: only openai-compatible adds that field", () => {
    const params = [{ name: "model", type: "string", description: "M." }, { name: "modelKwargs", type: "string", description: "K." }];
    expect(() => validateSpec({ ...base, kind: "chat", name: "ChatAcme", transport: "ollama", params })).not.toThrow();
    expect(() => validateSpec({ ...base, kind: "chat", name: "ChatAcme", transport: "openai-compatible", params })).toThrow(/modelKwargs/);
  });

  it("accepts a good spec and fills in defaults", () => {
    const spec = validateSpec({ name: "AcmeLLM", description: "Acme." });
    expect(spec).toMatchObject({ params: [], secrets: [], streaming: false, transport: "custom" });
  });
});
