// What the questions suggest and accept, through the real bin in a terminal: the examples and defaults a
// new user takes, the answers that would write something unusable, and the way out of a list.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDir } from "./support/files.js";
import { CLI, REPO, repoTempDir } from "./support/paths.js";
import { CTRL_C, DOWN, ENTER, runInPty } from "./support/pty.js";

const dir = repoTempDir("questions");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Ctrl-U empties the line, so a rejected answer can be typed again. */
const RETYPE = "\x15";

/**
 * The questions on a screen or in a sample run, each once, without the default shown or the answer: from
 * a `? ` to the first `:` or `?` that ends it (a prompt redraws its line as it is typed, so on a screen
 * one line can hold a question several times).
 */
const questionsIn = (text: string): string[] =>
  [...new Set([...text.matchAll(/\? (.+?[:?])(?=[ \n?]|$)/g)].map((m) => m[1]!.trim()))].sort();

describe("the questions of an openai-compatible chat model", () => {
  it("refuse a base URL with a query or credentials, suggest the transport's model and the provider's variable, end a list on Enter", () => {
    const cwd = freshDir(dir, "chat-openai");
    const r = runInPty([process.execPath, CLI, "--save-spec", "spec.json"], [
      { expect: "What kind of model?", send: `${DOWN}${ENTER}` },
      { expect: "Class name of the wrapper", send: `ChatWidget${ENTER}` },
      { expect: "Description (opens the class docstring):", send: `Widget's models.${ENTER}` },
      { expect: "Provider API docs URL (Enter to skip):", send: ENTER },
      { expect: "Stream tokens as they arrive", send: `n${ENTER}` },
      { expect: "Transport (how the provider is called):", send: `${DOWN}${ENTER}` },
      { expect: "Base URL of the server:", send: `http://localhost:8000/v1?x=1#frag${ENTER}` },
      { expect: "must not have a query (?…) or fragment (#…)", send: `${RETYPE}https://user:sk-secret@widget.example/v1${ENTER}` },
      { expect: 'must not hold a user name or password: the URL is printed in the class, its docs and its errors; put the credential in "secrets"', send: `${RETYPE}https://widget.example/v1${ENTER}` },
      { expect: "Default model name the server should run (e.g. gpt-4o-mini):", send: `widget-1${ENTER}` },
      // The provider the server's address names, then a brief profile.
      { expect: "Provider id, for LangSmith's cost and grouping (e.g. openai, mistral): [widget]", send: ENTER },
      { expect: "Context window of the default model, in tokens (Enter to skip):", send: `128000${ENTER}` },
      { expect: "Does the model take images?", send: `n${ENTER}` },
      { expect: "Does the server hold answers to a JSON schema", send: ENTER },
      { expect: "Add another constructor param", send: ENTER },
      { expect: "Param name (an identifier; sent in snake_case, maxTokens as max_tokens; Enter to end the list):", send: `temperature${ENTER}` },
      { expect: "Type of temperature:", send: `${DOWN}${ENTER}` },
      { expect: "Default value (Enter for none):", send: ENTER },
      // Most params are optional: Enter leaves it to the provider's own default.
      { expect: "Must callers pass temperature? (Enter lets them leave it unset) (y/N)", send: ENTER },
      { expect: "Describe temperature (becomes its docstring):", send: `Sampling temperature.${ENTER}` },
      { expect: "Add another param?", send: `y${ENTER}` },
      // Said yes by mistake: an empty name ends the list.
      { expect: "Param name (an identifier; sent in snake_case, maxTokens as max_tokens; Enter to end the list):", send: ENTER },
      { expect: "Does the server need an API key (sent as the bearer token)?", send: ENTER },
      { expect: "Secret field name (an identifier, e.g. apiKey): [apiKey]", send: ENTER },
      // The provider's variable, as WidgetLLM's would be: not CHAT_WIDGET_API_KEY.
      { expect: "Environment variable read when apiKey is not passed: [WIDGET_API_KEY]", send: ENTER },
      { expect: "Describe apiKey (becomes its docstring): [Widget API key.]", send: ENTER },
      { expect: "npm scope of the package, e.g. @acme (Enter for none):", send: `n${ENTER}` },
      { expect: '"n" reads as a yes or no: type a scope such as @acme, or press Enter for none', send: `${RETYPE}${ENTER}` },
    ], cwd);
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    expect(r.screen).not.toContain("llama3.2");
    const spec = JSON.parse(readFileSync(join(cwd, "spec.json"), "utf8"));
    expect(spec.baseUrl).toBe("https://widget.example/v1");
    expect(spec.params).toEqual([
      { name: "model", type: "string", default: "widget-1", description: "Name of the model the server runs." },
      { name: "temperature", type: "number", description: "Sampling temperature.", optional: true },
    ]);
    expect(spec.secrets).toEqual([{ name: "apiKey", env: "WIDGET_API_KEY", description: "Widget API key." }]);
    expect(spec.provider).toBe("widget");
    expect(spec.profile).toEqual({ toolCalling: true, toolChoice: true, maxInputTokens: 128000, imageInputs: false, structuredOutput: true });
    expect(JSON.parse(readFileSync(join(cwd, "chat-widget/package.json"), "utf8")).name).toBe("langchain-chat-widget");
    // The README's sample run of this flow shows every question it asks, in the words it asks them.
    const sample = readFileSync(join(REPO, "README.md"), "utf8").split("```").find((block) => block.includes("? Class name of the wrapper (PascalCase, e.g. ChatAcme): ChatWidget"));
    expect(questionsIn(r.screen).length).toBeGreaterThan(15);
    expect(questionsIn(sample ?? "")).toEqual(questionsIn(r.screen));
  });
});

describe("Ctrl-C says the same thing wherever it lands", () => {
  it("while it generates from a spec file: the words of a cancelled question, exit 130, nothing written", () => {
    const cwd = freshDir(dir, "ctrl-c-generating");
    const r = runInPty([process.execPath, CLI, "--spec", join(REPO, "examples/acme.json")], [{ expect: "Generating AcmeLLM in acme-llm…", send: CTRL_C }], cwd);
    expect(r.error).toBeNull();
    expect(r.status).toBe(130);
    expect(r.screen).toContain("Cancelled: nothing was written.");
    expect(readdirSync(cwd)).toEqual([]);
  });
});
