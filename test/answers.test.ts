// Answers that clash with earlier ones are refused at the question where the clash becomes known, with
// the right reason; answers that still fail to generate are kept. Through the real bin in a terminal.
import { cpSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { freshDir, readTree } from "./support/files.js";
import { CLI, REPO, repoTempDir } from "./support/paths.js";
import { DOWN, ENTER, runInPty, type Step } from "./support/pty.js";

const dir = repoTempDir("answers");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Ctrl-U empties the line, so a rejected answer can be typed again. */
const RETYPE = "\x15";

/** The class name, description and docs URL; then streaming (no) and the transport, `downs` down the list. */
const opening = (downs: number): Step[] => [
  { expect: "What kind of model?", send: ENTER },
  { expect: "Class name of the wrapper (PascalCase, e.g. AcmeLLM):", send: `AcmeLLM${ENTER}` },
  { expect: "Description (opens the class docstring):", send: `Acme.${ENTER}` },
  { expect: "Provider API docs URL (Enter to skip):", send: ENTER },
  { expect: "Stream tokens as they arrive (_streamResponseChunks)?", send: `n${ENTER}` },
  { expect: "Transport (how the provider is called):", send: `${DOWN.repeat(downs)}${ENTER}` },
];

/** One string param with no default that callers must pass, named `name`. */
const stringParam = (name: string, more: boolean): Step[] => [
  { expect: "Type of", send: ENTER },
  { expect: "Default value (Enter for none):", send: ENTER },
  { expect: `Must callers pass ${name}?`, send: ENTER },
  { expect: `Describe ${name} (becomes its docstring):`, send: `The ${name}.${ENTER}` },
  { expect: "Add another param?", send: more ? `y${ENTER}` : ENTER },
];

describe("a clash between answers is refused where it becomes known", () => {
  it("http-json: a param named after the prompt key is refused at its name; max_tokens is sent as written", () => {
    const cwd = freshDir(dir, "http-json");
    const r = runInPty([process.execPath, CLI, "--dry-run"], [
      ...opening(3),
      { expect: "Endpoint URL the prompt is POSTed to:", send: `https://gw.example/v1/generate${ENTER}` },
      { expect: "Request body key that carries the prompt: [prompt]", send: ENTER },
      { expect: "Where the text is in the JSON response", send: ENTER },
      { expect: "Request body key for stop sequences", send: ENTER },
      { expect: "Add a constructor param (e.g. model, temperature)?", send: ENTER },
      { expect: "Param name (an identifier; sent in the request body as written, e.g. max_tokens; Enter to end the list):", send: `prompt${ENTER}` },
      { expect: 'is sent as "prompt", a request body key the wrapper sets itself', send: `${RETYPE}max_tokens${ENTER}` },
      ...stringParam("max_tokens", false),
      { expect: "Does the server need an API key (sent as the bearer token)?", send: `n${ENTER}` },
      { expect: "npm scope of the package", send: ENTER },
    ], cwd);
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    expect(r.screen).toContain("Dry run: nothing was written.");
  });

  it("openai-compatible: the base URL question shows the URL; baseUrl as a param is refused as the transport's own field", () => {
    const cwd = freshDir(dir, "openai");
    const r = runInPty([process.execPath, CLI, "--save-spec", "spec.json"], [
      ...opening(1),
      { expect: "Base URL of the server: [https://api.openai.com/v1]", send: ENTER },
      { expect: "Default model name the server should run", send: `gpt-3.5-turbo-instruct${ENTER}` },
      { expect: "Add another constructor param (e.g. temperature, maxTokens)?", send: ENTER },
      { expect: "Param name (an identifier; sent in snake_case, maxTokens as max_tokens; Enter to end the list):", send: `baseUrl${ENTER}` },
      { expect: `"baseUrl" is a constructor field transport "openai-compatible" adds itself (the server's base URL)`, send: `${RETYPE}maxTokens${ENTER}` },
      ...stringParam("maxTokens", false),
      // One secret, the bearer token: a second is never asked for. A system variable is refused.
      { expect: "Does the server need an API key (sent as the bearer token)?", send: ENTER },
      { expect: "Secret field name (an identifier, e.g. apiKey): [apiKey]", send: ENTER },
      { expect: "Environment variable read when apiKey is not passed: [ACME_API_KEY]", send: `PATH${ENTER}` },
      { expect: '"PATH" is set by the shell or the operating system, not a secret', send: `${RETYPE}${ENTER}` },
      { expect: "Describe apiKey (becomes its docstring):", send: ENTER },
      { expect: "npm scope of the package", send: ENTER },
    ], cwd);
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    expect(r.screen).not.toContain("Add another secret?");
    const spec = JSON.parse(readFileSync(join(cwd, "spec.json"), "utf8"));
    // The model param comes first, where the errors of a spec file would name it.
    expect(spec.params.map((p: { name: string }) => p.name)).toEqual(["model", "maxTokens"]);
    expect(spec).not.toHaveProperty("baseUrl");
    expect(spec.secrets).toEqual([{ name: "apiKey", env: "ACME_API_KEY", description: "Acme API key." }]);
  });

  it("--transport answers the transport question up front, so its own questions are asked", () => {
    const cwd = freshDir(dir, "transport-flag");
    const r = runInPty([process.execPath, CLI, "--transport", "http-json", "--no-streaming", "--scope", "@acme", "--dry-run"], [
      { expect: "What kind of model?", send: ENTER },
      { expect: "Class name of the wrapper (PascalCase, e.g. AcmeLLM):", send: `AcmeLLM${ENTER}` },
      { expect: "Description (opens the class docstring):", send: `Acme.${ENTER}` },
      { expect: "Provider API docs URL (Enter to skip):", send: ENTER },
      { expect: "Endpoint URL the prompt is POSTed to:", send: `https://gw.example/v1/generate${ENTER}` },
      { expect: "Request body key that carries the prompt: [prompt]", send: ENTER },
      { expect: "Where the text is in the JSON response", send: ENTER },
      { expect: "Request body key for stop sequences", send: ENTER },
      { expect: "Add a constructor param (e.g. model, temperature)?", send: `n${ENTER}` },
      { expect: "Does the server need an API key (sent as the bearer token)?", send: `n${ENTER}` },
    ], cwd);
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    expect(r.screen).not.toContain("Transport (how the provider is called)");
    expect(r.screen).not.toMatch(/Invalid your answers/);
  });
});

describe("answers that fail to generate are kept", () => {
  it("a failed type-check (here: a broken copy of the templates): exit 1, nothing written, the answers saved with the command that replays them", () => {
    // The published files, with a class template that emits code that does not type-check.
    const pkg = freshDir(dir, "broken-package");
    for (const part of ["dist", "templates", "schema", "package.json"]) cpSync(join(REPO, part), join(pkg, part), { recursive: true });
    symlinkSync(join(REPO, "node_modules"), join(pkg, "node_modules"), "dir");
    const template = join(pkg, "templates/wrapper/llm.ts.hbs");
    writeFileSync(template, `${readFileSync(template, "utf8")}\nexport const broken: number = "not a number";\n`);

    const cwd = freshDir(dir, "kept");
    const r = runInPty([process.execPath, join(pkg, "dist/src/cli/main.js"), "--scope", "@acme"], [
      ...opening(0),
      { expect: "Add a constructor param (e.g. model, temperature)?", send: `n${ENTER}` },
      { expect: "Does the provider need a secret, such as an API key?", send: `n${ENTER}` },
    ], cwd);
    expect(r.error).toBeNull();
    expect(r.status).toBe(1);
    expect(r.screen).toContain("This is a bug in create-custom-llm");
    expect(r.screen).toContain("Your answers are saved in acme-llm-answers.json.");
    expect(r.screen).toContain("  create-custom-llm --spec acme-llm-answers.json --scope @acme\n");
    expect(readdirSync(cwd)).toEqual(["acme-llm-answers.json"]);
    const kept = JSON.parse(readFileSync(join(cwd, "acme-llm-answers.json"), "utf8"));
    expect(kept).toEqual({ name: "AcmeLLM", description: "Acme.", params: [], secrets: [], streaming: false, transport: "custom" });

    // The same answers, replayed with the working generator, give the package.
    const replayed = runCli(["--spec", "acme-llm-answers.json", "--scope", "@acme"], cwd);
    expect(replayed.stderr).toBe("");
    expect(replayed.status).toBe(0);
    expect(JSON.parse(readTree(join(cwd, "acme-llm"))["package.json"]!).name).toBe("@acme/langchain-acme-llm");
  });

  it("a target under a file is refused before the first question, not after the last", () => {
    const cwd = freshDir(dir, "under-a-file");
    writeFileSync(join(cwd, "notes.txt"), "a file, not a folder\n");
    const r = runInPty([process.execPath, CLI, "notes.txt/acme"], [], cwd);
    expect(r.status).toBe(2);
    expect(r.screen).toContain("Nothing was written: ENOTDIR");
    expect(r.screen).not.toContain("What kind of model?");
  });
});
