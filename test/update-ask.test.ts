// `create-custom-llm update --ask`: the spec's questions again in a terminal, the recorded answers as
// defaults, through the real bin in a pseudo-terminal; and its refusals without one.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { CLI, REPO, repoTempDir } from "./support/paths.js";
import { DOWN, ENTER, runInPty } from "./support/pty.js";

const dir = repoTempDir("update-ask");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACME = join(REPO, "examples/acme.json");
const read = (root: string, path: string) => readFileSync(join(root, path), "utf8");
const PROVIDER_STUB = /throw new Error\(\n\s*"AcmeLLM\.streamProvider\(\) is not implemented yet[^;]*;/;
const PROVIDER_BODY = 'yield `hand written: ${request.prompt}`;';

describe("update --ask", () => {
  it("offers each recorded answer, keeps params and secrets unless told not to, takes new ones; the hand edit survives", () => {
    const r = runCli(["acme", "--spec", ACME], dir);
    expect(r.status, r.stderr).toBe(0);
    const root = join(dir, "acme");
    const code = read(root, "src/acme-llm.ts");
    expect(code).toMatch(PROVIDER_STUB);
    writeFileSync(join(root, "src/acme-llm.ts"), code.replace(PROVIDER_STUB, PROVIDER_BODY));

    const keep = (question: string) => ({ expect: question, send: ENTER });
    const asked = runInPty([process.execPath, CLI, "update", "acme", "--ask"], [
      keep("Description (opens the class docstring): [Acme's hosted text-completion models"),
      keep("Provider API docs URL (Enter to skip): [https://docs.acme.example/api/completions]"),
      keep("Stream tokens as they arrive (_streamResponseChunks)? (Y/n)"),
      keep("Transport (how the provider is called):"),
      keep("Keep the param model?"),
      { expect: "Keep the param temperature?", send: `n${ENTER}` },
      keep("Keep the param maxTokens?"),
      keep("Keep the param safeMode?"),
      keep("Keep the param labels?"),
      keep("Keep the param tier?"),
      { expect: "Add another constructor param (e.g. temperature, maxTokens)? (y/N)", send: `y${ENTER}` },
      { expect: "Param name", send: `topK${ENTER}` },
      { expect: "Type of topK:", send: `${DOWN}${ENTER}` },
      { expect: "Default value (Enter for none):", send: `40${ENTER}` },
      { expect: "Describe topK (becomes its docstring):", send: `Sample from the topK most likely tokens.${ENTER}` },
      keep("Add another param?"),
      keep("Keep the secret apiKey (ACME_API_KEY)?"),
      keep("Add another secret? (y/N)"),
    ], dir);
    expect(asked.error).toBeNull();
    expect(asked.status, asked.screen).toBe(0);
    expect(asked.screen).toContain("src/acme-llm.ts: merged with your edits");

    const updated = read(root, "src/acme-llm.ts");
    expect(updated).toContain(PROVIDER_BODY);
    expect(updated).toContain("topK: number = 40;");
    expect(updated).not.toContain("temperature");
    const record = JSON.parse(read(root, ".custom-llm/AcmeLLM.json")) as { spec: { description: string; params: { name: string }[]; secrets: unknown[] } };
    const acme = JSON.parse(readFileSync(ACME, "utf8")) as { description: string; params: { name: string }[]; secrets: unknown[] };
    expect(record.spec.description).toBe(acme.description);
    expect(record.spec.params.map((p) => p.name)).toEqual([...acme.params.map((p) => p.name).filter((n) => n !== "temperature"), "topK"]);
    expect(record.spec.secrets).toEqual(acme.secrets);
  });

  it("without a terminal, or beside --spec, is refused with exit 2 and the way to do it instead", () => {
    expect(runCli(["chat", "--spec", join(REPO, "examples/chat-custom.json")], dir).status).toBe(0);
    const none = runCli(["update", "chat", "--ask"], dir);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--ask asks the spec's questions again in a terminal, and there is none: edit the spec in the record/);
    const both = runCli(["update", "chat", "--ask", "--spec", ACME], dir);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("leave out --spec, --all and --adopt");
  });
});
