import { describe, expect, it } from "vitest";
import { parseCli, UsageError } from "../src/cli/args.js";
import { nextSteps } from "../src/cli/next-steps.js";

const generate = (argv: string[]) => {
  const command = parseCli(argv);
  if (command.kind !== "generate") throw new Error(`expected generate, got ${command.kind}`);
  return command.options;
};

describe("parseCli", () => {
  it("reads every flag, short and long", () => {
    expect(generate(["out", "-s", "a.json", "-n", "BetaLLM", "--streaming", "-y", "--dry-run", "-f", "--save-spec", "b.json"])).toEqual({
      target: "out",
      specPath: "a.json",
      name: "BetaLLM",
      streaming: true,
      yes: true,
      dryRun: true,
      force: true,
      saveSpec: "b.json",
    });
  });

  it("reads --from-openapi and --operation", () => {
    expect(generate(["out", "--from-openapi", "api.yaml", "--operation", "POST /v1/chat/completions"])).toMatchObject({
      fromOpenApi: "api.yaml",
      operation: "POST /v1/chat/completions",
    });
  });

  it("leaves streaming undefined unless a flag sets it, so the spec's value stands", () => {
    expect(generate([]).streaming).toBeUndefined();
    expect(generate(["--no-streaming"]).streaming).toBe(false);
  });

  it("answers --help and --version before looking at anything else", () => {
    expect(parseCli(["a", "b", "--help"])).toEqual({ kind: "help" });
    expect(parseCli(["-v"])).toEqual({ kind: "version" });
  });

  it.each([
    [["--frobnicate"], /Unknown option '--frobnicate'/],
    [["a", "b"], /at most one target folder, got 2: a b/],
    [["--streaming", "--no-streaming"], /contradict/],
    [["--spec"], /argument missing/],
    [["--name", ""], /--name needs a value, e\.g\. --name AcmeLLM/],
    [["--yes=no"], /does not take an argument/],
    [["--spec", "a.json", "--from-openapi", "api.yaml"], /--spec and --from-openapi both give the spec; pass one of them/],
    [["--operation", "createChat"], /--operation picks an operation of the document --from-openapi reads; pass --from-openapi <file> too/],
    [["--from-openapi", ""], /--from-openapi needs a value, e\.g\. --from-openapi openapi\.yaml/],
  ])("rejects %j with a UsageError saying what is wrong", (argv, message) => {
    expect(() => parseCli(argv)).toThrow(UsageError);
    expect(() => parseCli(argv)).toThrow(message);
  });
});

describe("nextSteps", () => {
  it.each([
    ["npm/11.19.1 node/v20.20.2 linux x64 workspaces/false", ["cd acme-llm", "npm install", "npm test"]],
    ["pnpm/9.12.0 npm/? node/v20.20.2 linux x64", ["cd acme-llm", "pnpm install", "pnpm test"]],
    ["yarn/4.5.0 npm/? node/v20.20.2 linux x64", ["cd acme-llm", "yarn", "yarn test"]],
    ["bun/1.1.30 npm/? node/v22.6.0 linux x64", ["cd acme-llm", "bun install", "bun run test"]],
    [undefined, ["cd acme-llm", "npm install", "npm test"]],
    ["deno/2.0.0", ["cd acme-llm", "npm install", "npm test"]],
  ])("for user agent %j: %j", (agent, steps) => {
    expect(nextSteps(agent, "acme-llm")).toEqual(steps);
  });

  it("skips cd into the current folder and quotes a folder with spaces", () => {
    expect(nextSteps(undefined, ".")).toEqual(["npm install", "npm test"]);
    expect(nextSteps(undefined, "my llm")[0]).toBe('cd "my llm"');
  });
});
