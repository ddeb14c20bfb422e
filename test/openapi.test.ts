import { once } from "node:events";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { camelCase } from "change-case";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChatProtocolServer, type ChatProtocolServer } from "./support/chat-protocol-server.js";
import { recordImports, runCli, type CliResult } from "./support/cli.js";
import { readTree } from "./support/files.js";
import { CLI, REPO, repoTempDir } from "./support/paths.js";
import { DOWN, ENTER, runInPty } from "./support/pty.js";

// --from-openapi through the built bin: OpenAI's public document, then small documents of our own for
// each other shape (test/fixtures/openapi). Each run writes a package and its spec (--save-spec) into a
// temp folder inside the repo, so the emitted class can be imported and called on a loopback server.
const OPENAI = join(REPO, "../shared/openapi/openai.yaml");
const FIXTURES = join(REPO, "test/fixtures/openapi");
const dir = repoTempDir("openapi");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SavedParam {
  name: string;
  type: unknown;
  description: string;
  default?: unknown;
  optional?: boolean;
  wire?: string;
}
interface SavedSpec {
  kind: string;
  name: string;
  provider: string;
  docsUrl?: string;
  transport: string;
  baseUrl?: string;
  httpJson?: Record<string, string>;
  streaming: boolean;
  params: SavedParam[];
  secrets: { name: string; env: string; header?: string }[];
  profile?: Record<string, unknown>;
}

/** Runs the bin on a document into `<dir>/<name>`, saving the spec beside it. */
function fromOpenApi(name: string, doc: string, extra: string[] = []): { run: CliResult; target: string; spec: () => SavedSpec } {
  const target = join(dir, name);
  const specFile = join(dir, `${name}.json`);
  const run = runCli([target, "--from-openapi", doc, "--save-spec", specFile, "--yes", ...extra], dir);
  return { run, target, spec: () => JSON.parse(readFileSync(specFile, "utf8")) as SavedSpec };
}

const param = (spec: SavedSpec, name: string): SavedParam | undefined => spec.params.find((p) => p.name === name);

/** A value of a param's type that is not its default, to see it arrive on the wire. */
function sample(p: SavedParam): unknown {
  if (typeof p.type === "object" && p.type !== null) return (p.type as { enum: string[] }).enum.at(-1);
  return { number: 3, boolean: true, string: `v-${p.name}`, "string[]": [`v-${p.name}`] }[p.type as string];
}

/** The class the package exports, imported from its source. */
async function exported(target: string, className: string): Promise<new (fields: Record<string, unknown>) => { invoke(input: string): Promise<unknown> }> {
  const module = (await import(join(target, "src/index.ts"))) as Record<string, unknown>;
  return module[className] as never;
}

describe("--from-openapi on OpenAI's document", () => {
  let first: ReturnType<typeof fromOpenApi>;
  let second: ReturnType<typeof fromOpenApi>;
  let spec: SavedSpec;
  let server: ChatProtocolServer;

  beforeAll(async () => {
    first = fromOpenApi("openai-1", OPENAI);
    second = fromOpenApi("openai-2", OPENAI);
    expect(first.run.stderr + first.run.stdout).toContain("Wrote");
    expect(first.run.status).toBe(0);
    spec = first.spec();
    server = await startChatProtocolServer();
  }, 120_000);
  afterAll(() => server?.close());

  it("gives an openai-compatible chat model at https://api.openai.com/v1 with OPENAI_API_KEY", () => {
    expect(spec).toMatchObject({ kind: "chat", name: "ChatOpenAI", provider: "openai", transport: "openai-compatible", baseUrl: "https://api.openai.com/v1" });
    expect(spec.secrets).toEqual([expect.objectContaining({ name: "apiKey", env: "OPENAI_API_KEY" })]);
    expect(spec.secrets[0]?.header).toBeUndefined();
    expect(spec.docsUrl).toBe("https://platform.openai.com/docs/api-reference");
    expect(spec.profile).toMatchObject({ toolCalling: true, toolChoice: true, structuredOutput: true, imageInputs: true });
  });

  it("says what it is doing while it reads the 3 MB document", () => {
    expect(first.run.stderr).toMatch(/Reading openai\.yaml \(\d\.\d MB\): checking it against the OpenAPI schema/);
    expect(first.run.stderr).toContain("From POST /chat/completions of openai.yaml: a chat model, transport openai-compatible");
  });

  it("keeps the request's params, typed, each with the document's description as its docstring", () => {
    for (const name of ["temperature", "topP", "maxCompletionTokens", "frequencyPenalty", "presencePenalty", "store", "reasoningEffort"]) {
      expect(param(spec, name), name).toBeDefined();
    }
    expect(param(spec, "temperature")).toMatchObject({ type: "number", optional: true });
    expect(param(spec, "store")?.type).toBe("boolean");
    expect(param(spec, "reasoningEffort")?.type).toEqual({ enum: expect.arrayContaining(["low", "medium", "high"]) });
    expect(param(spec, "modalities")?.type).toBe("string[]");
    expect(param(spec, "model")).toMatchObject({ type: "string", default: expect.stringMatching(/^gpt-/) });
    // The document's words, its bounds and the server's default after them.
    const temperature = param(spec, "temperature")!.description;
    expect(temperature).toMatch(/^What sampling temperature to use, between 0 and 2\./);
    expect(temperature).toContain("Minimum 0, maximum 2. The server's default: `1`.");
    expect(param(spec, "frequencyPenalty")!.description).toMatch(/^Number between -2\.0 and 2\.0\./);
    const source = readFileSync(join(first.target, "src/chat-open-ai.ts"), "utf8");
    expect(source).toContain("What sampling temperature to use, between 0 and 2.");
    expect(source).toContain("An upper bound for the number of tokens that can be generated for a completion");
  });

  it("lists what it left out, with why: deprecated params, objects, the keys the wrapper sets", () => {
    const names = spec.params.map((p) => p.name);
    for (const [key, why] of [
      ["seed", "deprecated"],
      ["max_tokens", "deprecated"],
      ["user", "deprecated"],
      ["functions", "deprecated"],
      ["function_call", "deprecated"],
      ["logit_bias", "is an object"],
      ["messages", "the wrapper sets it itself"],
      ["tools", "the wrapper sets it itself"],
      ["response_format", "the wrapper sets it itself"],
    ] as const) {
      expect(first.run.stderr).toMatch(new RegExp(`- ${key}: ${why}`));
      expect(names).not.toContain(camelCase(key));
    }
    expect(first.run.stderr).toContain("modelKwargs constructor field sends any of them");
  });

  it("writes byte-identical output from the same document and flags", () => {
    expect(readTree(second.target)).toEqual(readTree(first.target));
    expect(second.spec()).toEqual(spec);
  });

  it("sends each param under the document's key on a loopback server", async () => {
    const ChatOpenAI = await exported(first.target, "ChatOpenAI");
    const values = Object.fromEntries(spec.params.map((p) => [p.name, sample(p)]));
    const model = new ChatOpenAI({ ...values, baseUrl: `${server.url}/v1`, apiKey: "sk-test-key" });
    await model.invoke("Hello");
    const body = server.bodies.at(-1)!;
    expect(server.headers.at(-1)?.authorization).toBe("Bearer sk-test-key");
    for (const [name, key] of [
      ["temperature", "temperature"],
      ["topP", "top_p"],
      ["maxCompletionTokens", "max_completion_tokens"],
      ["frequencyPenalty", "frequency_penalty"],
      ["presencePenalty", "presence_penalty"],
      ["store", "store"],
      ["reasoningEffort", "reasoning_effort"],
    ] as const) {
      expect(body[key], key).toEqual(values[name]);
    }
    // Every param arrives once, under a key whose camelCase is its name.
    for (const p of spec.params) {
      const keys = Object.keys(body).filter((k) => camelCase(k) === p.name);
      expect(keys, p.name).toHaveLength(1);
      expect(body[keys[0]!], p.name).toEqual(values[p.name]);
    }
  });
});

describe("--from-openapi on small documents", () => {
  let chat: ChatProtocolServer;
  beforeAll(async () => {
    chat = await startChatProtocolServer();
  });
  afterAll(() => chat?.close());

  it("3.0, allOf, nullable and an API key header: the key goes in that header, a camelCase key keeps its name", async () => {
    const { run, target, spec } = fromOpenApi("acme", join(FIXTURES, "acme-chat-3.0.yaml"));
    expect(run.status, run.stderr).toBe(0);
    const s = spec();
    expect(s).toMatchObject({ kind: "chat", name: "ChatAcme", provider: "acme", transport: "openai-compatible", baseUrl: "https://api.acme.example/v1" });
    expect(s.secrets).toEqual([expect.objectContaining({ name: "apiKey", env: "ACME_API_KEY", header: "x-acme-key" })]);
    // From the allOf's first part, nullable.
    expect(param(s, "temperature")).toMatchObject({ type: "number", optional: true });
    expect(param(s, "topK")).toMatchObject({ type: "number", wire: "topK" });
    expect(param(s, "responseStyle")?.type).toEqual({ enum: ["terse", "chatty"] });
    expect(param(s, "model")?.default).toBe("acme-large");
    expect(run.stderr).toMatch(/- tags: the spec's rules refuse it: "tags" is already a member/);
    expect(run.stderr).toMatch(/- seed: deprecated/);
    const docsPage = readFileSync(join(target, "docs/chat-acme.md"), "utf8");
    expect(docsPage).toContain("`x-acme-key: …`");
    // A description's first paragraph is the class's docstring; the docs page has it whole, with its bounds.
    expect(docsPage).toContain("Sampling temperature. Higher is more random. Minimum 0, maximum 2.");
    const source = readFileSync(join(target, "src/chat-acme.ts"), "utf8");
    expect(source).toContain("Sampling temperature.");
    expect(source).not.toContain("Higher is more random.");

    const ChatAcme = await exported(target, "ChatAcme");
    await new ChatAcme({ baseUrl: `${chat.url}/v1`, apiKey: "acme-secret", topK: 5, temperature: 0.2, safeMode: true }).invoke("Hi");
    expect(chat.headers.at(-1)?.["x-acme-key"]).toBe("acme-secret");
    expect(chat.headers.at(-1)?.authorization).toBeUndefined();
    expect(chat.bodies.at(-1)).toMatchObject({ topK: 5, temperature: 0.2, safe_mode: true, model: "acme-large" });
    expect(chat.bodies.at(-1)).not.toHaveProperty("top_k");
  }, 60_000);

  it("3.1 with anyOf-null and type lists: bearer secret from the server's domain", () => {
    const { run, spec } = fromOpenApi("mistral", join(FIXTURES, "mistral-chat-3.1.json"));
    expect(run.status, run.stderr).toBe(0);
    const s = spec();
    expect(s).toMatchObject({ name: "ChatMistral", provider: "mistral", baseUrl: "https://api.mistral.ai/v1", docsUrl: "https://docs.mistral.ai/api/#tag/chat" });
    expect(s.secrets).toEqual([expect.objectContaining({ env: "MISTRAL_API_KEY" })]);
    expect(s.secrets[0]?.header).toBeUndefined();
    expect(param(s, "temperature")).toMatchObject({ type: "number", optional: true });
    expect(param(s, "temperature")?.description).toContain("Minimum 0, maximum 1.5.");
    expect(param(s, "maxTokens")).toMatchObject({ type: "number", optional: true });
    expect(param(s, "model")?.default).toBe("mistral-small-latest");
  }, 60_000);

  it("two candidate operations: exit 2 naming both without --operation; --operation picks by id or by POST /path", () => {
    const doc = join(FIXTURES, "two-chats.yaml");
    const none = fromOpenApi("twin-none", doc);
    expect(none.run.status).toBe(2);
    expect(none.run.stderr).toContain("POST /chat/completions  (--operation createChat)");
    expect(none.run.stderr).toContain("POST /beta/chat/completions  (--operation createBetaChat)");
    expect(existsSync(none.target)).toBe(false);

    const beta = fromOpenApi("twin-beta", doc, ["--operation", "createBetaChat"]);
    expect(beta.run.status, beta.run.stderr).toBe(0);
    expect(beta.spec()).toMatchObject({ baseUrl: "https://api.twin.example/v1/beta" });
    expect(param(beta.spec(), "betaFeature")).toBeDefined();
    const plain = fromOpenApi("twin-plain", doc, ["--operation", "POST /chat/completions", "--name", "ChatTwin"]);
    expect(plain.run.status, plain.run.stderr).toBe(0);
    expect(plain.spec()).toMatchObject({ name: "ChatTwin", baseUrl: "https://api.twin.example/v1" });
    expect(param(plain.spec(), "betaFeature")).toBeUndefined();
  }, 60_000);

  it("a completions endpoint gives an LLM; server variables take their defaults", () => {
    const { run, spec } = fromOpenApi("textgen", join(FIXTURES, "completions.yaml"));
    expect(run.status, run.stderr).toBe(0);
    expect(spec()).toMatchObject({ kind: "llm", name: "TextgenLLM", transport: "openai-compatible", baseUrl: "https://eu.textgen.example/v1" });
    expect(param(spec(), "maxTokens")).toMatchObject({ type: "number", optional: true });
    expect(run.stderr).toMatch(/- prompt: the wrapper sets it itself/);
  }, 60_000);

  it("an Ollama-shaped endpoint gives the ollama transport, its params from options", () => {
    const { run, spec } = fromOpenApi("ollama", join(FIXTURES, "ollama.yaml"));
    expect(run.status, run.stderr).toBe(0);
    const s = spec();
    expect(s).toMatchObject({ kind: "chat", transport: "ollama", baseUrl: "http://localhost:11434", provider: "ollama" });
    expect(s.params.map((p) => p.name)).toEqual(["model", "keepAlive", "temperature", "numCtx", "topK"]);
    expect(s.secrets).toEqual([]);
    expect(run.stderr).toMatch(/- priority: transport "ollama" sends params inside "options"/);
  }, 60_000);

  it("a plain JSON endpoint gives http-json with the prompt and response paths inferred, params under the document's keys", async () => {
    const { run, target, spec } = fromOpenApi("widget", join(FIXTURES, "plain-json.yaml"));
    expect(run.status, run.stderr).toBe(0);
    const s = spec();
    expect(s).toMatchObject({
      kind: "llm",
      transport: "http-json",
      httpJson: { url: "https://infer.widget.example/models/generate", promptField: "prompt", responsePath: "output.text", stopField: "stop" },
    });
    expect(param(s, "maxNewTokens")).toMatchObject({ wire: "max_new_tokens" });

    const received: { body: Record<string, unknown>; headers: IncomingHttpHeaders }[] = [];
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>, headers: req.headers });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "1", output: { text: "Hi there", tokens: 2 } }));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const WidgetLLM = await exported(target, "WidgetLLM");
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models/generate`;
      const text = await new WidgetLLM({ url, apiKey: "w-secret", maxNewTokens: 7, samplingMode: "greedy" }).invoke("Hello");
      expect(text).toBe("Hi there");
      expect(received[0]?.body).toMatchObject({ prompt: "Hello", max_new_tokens: 7, sampling_mode: "greedy" });
      expect(received[0]?.headers["authorization-token"]).toBe("w-secret");
      expect(received[0]?.headers.authorization).toBeUndefined();
    } finally {
      server.close();
    }
  }, 60_000);

  it.each([
    ["swagger-2.yaml", /is a Swagger 2\.0 document; --from-openapi reads OpenAPI 3\.0 and 3\.1/],
    ["invalid.yaml", /is not a valid OpenAPI document:[\s\S]*must have required property 'version'/],
    ["bad-ref.yaml", /A \$ref in .*bad-ref\.yaml does not resolve: .*#\/components\/schemas\/Missing/],
    ["unreadable.yaml", /Cannot read the OpenAPI document .*unreadable\.yaml/],
    ["no-model.yaml", /has no POST operation whose JSON request body takes "messages" or a "prompt"/],
    ["missing.yaml", /OpenAPI document not found: .*missing\.yaml/],
  ])("%s: exit 2, a clear message, nothing written", (file, message) => {
    const { run, target } = fromOpenApi(`broken-${file}`, join(FIXTURES, file));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(dir, `broken-${file}.json`))).toBe(false);
  });

  it("--operation naming no operation: exit 2, the candidates listed", () => {
    const { run } = fromOpenApi("twin-wrong", join(FIXTURES, "two-chats.yaml"), ["--operation", "createNothing"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--operation createNothing:");
    expect(run.stderr).toContain("POST /beta/chat/completions");
  });
});

describe("--from-openapi in a terminal", () => {
  it("asks which of two operations, then lets the user untick params before generating", () => {
    const target = join(dir, "twin-pty");
    const specFile = join(dir, "twin-pty.json");
    const result = runInPty(
      [process.execPath, CLI, target, "--from-openapi", join(FIXTURES, "two-chats.yaml"), "--save-spec", specFile, "--scope", "@twin"],
      [
        { expect: "Which operation is the model?", send: `${DOWN}${ENTER}` },
        // model is ticked first, betaFeature second: move to it and untick it.
        { expect: "Params found in the document", send: `${DOWN} ${ENTER}` },
      ],
      dir,
    );
    expect(result.error, result.screen).toBeNull();
    expect(result.status, result.screen).toBe(0);
    expect(result.screen).toContain("POST /beta/chat/completions");
    const spec = JSON.parse(readFileSync(specFile, "utf8")) as SavedSpec;
    expect(spec.baseUrl).toBe("https://api.twin.example/v1/beta");
    expect(spec.params.map((p) => p.name)).toEqual(["model"]);
  }, 120_000);
});

describe("loading", () => {
  it("a run without --from-openapi never loads the OpenAPI parser", () => {
    const record = recordImports(join(dir, "imports.txt"));
    const run = runCli([join(dir, "plain"), "--spec", join(REPO, "examples/acme.json"), "--dry-run"], dir, record.env, record.nodeArgs);
    expect(run.status, run.stderr).toBe(0);
    const loaded = record.read();
    expect(loaded.some((m) => m.includes("node_modules/zod"))).toBe(true);
    expect(loaded.filter((m) => m.includes("swagger-parser") || m.includes("/src/openapi/"))).toEqual([]);
  }, 60_000);
});
