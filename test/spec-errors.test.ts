// A spec's problems as the bin reports them: every one in one pass, each at its field (or at the flag that
// set it) with the fix. Through the real bin, with no terminal: exit 2, nothing written.
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { freshDir } from "./support/files.js";
import { REPO, repoTempDir } from "./support/paths.js";

const dir = repoTempDir("spec-errors");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin on `spec` (written to spec.json in a fresh folder) and `flags`; returns stderr after checking nothing was written. */
function refused(name: string, spec: object, flags: string[] = []): string {
  const cwd = freshDir(dir, name);
  writeFileSync(join(cwd, "spec.json"), JSON.stringify(spec));
  const r = runCli(["out", "--spec", "spec.json", ...flags], cwd);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(readdirSync(cwd)).toEqual(["spec.json"]);
  return r.stderr;
}

const chatSpec = (baseUrl: string) => ({
  kind: "chat",
  name: "ChatWidget",
  description: "Widget's models.",
  transport: "openai-compatible",
  baseUrl,
  params: [{ name: "model", type: "string", default: "widget-1", description: "Model." }],
});

describe("every problem of a spec in one pass", () => {
  it("an unknown key (with the nearest known one) and a default of the wrong type", () => {
    const stderr = refused("unknown-and-default", {
      name: "AcmeLLM",
      description: "Acme.",
      transprot: "custom",
      params: [{ name: "temperature", type: "number", default: "warm", description: "Sampling temperature." }],
    });
    expect(stderr).toContain("Invalid spec.json (2 problems):");
    expect(stderr).toContain('  - transprot: is not a known field: did you mean "transport"?');
    expect(stderr).toContain('  - params[0].default: "warm" is not a number');
    expect(stderr).not.toContain("Unrecognized key");
  });

  it("a system variable as a secret's env, a default of the wrong type and a duplicate param name", () => {
    const stderr = refused("env-and-default", {
      name: "AcmeLLM",
      description: "Acme.",
      params: [
        { name: "temperature", type: "number", default: true, description: "Sampling temperature." },
        { name: "temperature", type: "number", description: "Again." },
      ],
      secrets: [{ name: "apiKey", env: "PATH", description: "Key." }],
    });
    expect(stderr).toContain("Invalid spec.json (3 problems):");
    expect(stderr).toContain('  - secrets[0].env: "PATH" is set by the shell');
    expect(stderr).toContain("  - params[0].default: true is not a number");
    expect(stderr).toContain('  - params[1].name: "temperature" is already used by params[0].name');
  });

  it("an unknown key in a param, with the param's own fields to choose from", () => {
    const stderr = refused("param-key", {
      name: "AcmeLLM",
      description: "Acme.",
      params: [{ name: "tier", type: "string", descripton: "Tier." }, { name: "topK", type: "number", default: "3", description: "Top k." }],
    });
    expect(stderr).toContain('  - params[0].descripton: is not a known field: did you mean "description"?');
    expect(stderr).toContain("  - params[0].description: is required");
    expect(stderr).toContain('  - params[1].default: "3" is not a number');
  });
});

describe("a base URL the wrapper could not use as given", () => {
  it("with a query or a fragment: refused, saying to give the base URL alone", () => {
    const stderr = refused("query", chatSpec("http://localhost:8000/v1?x=1#frag"));
    expect(stderr).toContain("  - baseUrl: must not have a query (?…) or fragment (#…): the wrapper appends the endpoint's path to it");
  });

  it("with credentials: refused without repeating them, saying they belong in a secret", () => {
    const stderr = refused("credentials", chatSpec("https://user:sk-secret@widget.example/v1"));
    expect(stderr).toContain('  - baseUrl: must not hold a user name or password');
    expect(stderr).toContain('put the credential in "secrets"');
    expect(stderr).not.toContain("sk-secret");
  });

  it("an http-json endpoint with credentials too", () => {
    const stderr = refused("http-json-credentials", {
      name: "AcmeLLM",
      description: "Acme.",
      transport: "http-json",
      httpJson: { url: "https://me:pw@gw.example/generate", promptField: "prompt", responsePath: "text" },
    });
    expect(stderr).toContain("  - httpJson.url: must not hold a user name or password");
  });
});

describe("a bad flag is blamed on the flag, not on the spec file", () => {
  const chat = join(REPO, "examples/chat-custom.json");

  it.each([
    [["--kind", "cht"], '  - --kind: must be one of "llm", "chat"'],
    [["--name", "BaseChatModel"], '  - --name: "BaseChatModel" collides with a name the generated module uses'],
    [["--transport", "grpc"], '  - --transport: must be one of "custom"'],
  ])("%j", (flags, line) => {
    const cwd = freshDir(dir, `flag-${flags[0]!.slice(2)}`);
    const r = runCli(["out", "--spec", chat, ...flags], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Invalid flags (1 problem):");
    expect(r.stderr).toContain(line);
    expect(r.stderr).not.toContain("chat-custom.json");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("a bad flag and a bad spec field: each named where it is", () => {
    const stderr = refused("flag-and-spec", { name: "AcmeLLM", description: "Acme.", transprot: "custom" }, ["--kind", "cht"]);
    expect(stderr).toContain("Invalid spec.json and flags (2 problems):");
    expect(stderr).toContain('  - --kind: must be one of "llm", "chat"');
    expect(stderr).toContain('  - transprot: is not a known field: did you mean "transport"?');
  });
});
