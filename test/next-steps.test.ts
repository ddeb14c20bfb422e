// What the bin prints after writing: next steps that fit the transport, and a replay command that really
// replays the run. Through the real bin, and the printed try-it command against a loopback server.
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { childEnv } from "./support/child-env.js";
import { freshDir, readTree } from "./support/files.js";
import { CLI, REPO, TSC, repoTempDir } from "./support/paths.js";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server.js";
import { startChatProtocolServer, type ChatProtocolServer } from "./support/chat-protocol-server.js";

const dir = repoTempDir("next-steps");
let server: ProtocolServer;
let chatServer: ChatProtocolServer;
beforeAll(async () => {
  [server, chatServer] = await Promise.all([startProtocolServer(), startChatProtocolServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), chatServer.close()]);
  rmSync(dir, { recursive: true, force: true });
});
const example = (file: string) => join(REPO, "examples", file);
/** What is printed after "Next:". */
const next = (stdout: string) => stdout.slice(stdout.indexOf("\nNext:"));

/** Builds the generated package and runs the printed try-it command as printed, against `url` instead of OpenAI. */
async function tryIt(steps: string, pkg: string, url: string): Promise<{ stdout: string; stderr: string }> {
  const command = steps.split("\n").find((line) => line.trimStart().startsWith("node --input-type=module"));
  expect(command).toBeDefined();
  const build = spawnSync(TSC, ["-p", join(pkg, "tsconfig.build.json")], { encoding: "utf8" });
  expect(build.stdout + build.stderr).toBe("");
  const here = command!.replace("https://api.openai.com/v1", `${url}/v1`);
  // Not spawnSync: the server answers from this process's event loop.
  return promisify(execFile)("bash", ["-c", here], { cwd: pkg, env: childEnv({ OPENAI_API_KEY: "sk-test" }), encoding: "utf8" });
}

describe("the next steps fit the transport", () => {
  it("custom: names the one method the class leaves to fill in", () => {
    const cwd = freshDir(dir, "custom");
    const r = runCli(["--spec", example("minimal.json")], cwd);
    expect(r.status).toBe(0);
    expect(next(r.stdout)).toMatch(/Then fill in callProvider\(\) in src\/echo-llm\.ts/);
  });

  it("openai-compatible: where the URL and key go, and a command that calls the server", async () => {
    const cwd = freshDir(dir, "openai");
    const r = runCli(["completions", "--spec", example("openai-compatible.json")], cwd);
    expect(r.status).toBe(0);
    const steps = next(r.stdout);
    // The class has neither method: there is nothing to fill in.
    expect(steps).not.toMatch(/fill in|streamProvider|callProvider/);
    expect(steps).toContain("CompletionsLLM calls OpenAI's completions API at https://api.openai.com/v1/completions.");
    expect(steps).toContain('with the baseUrl constructor field: new CompletionsLLM({ baseUrl: "https://api.openai.com/v1" })');
    expect(steps).toContain("Its API key is read from OPENAI_API_KEY (or the apiKey constructor field) and sent as the bearer token.");

    const tried = await tryIt(steps, join(cwd, "completions"), server.url);
    expect(tried.stderr).toBe("");
    expect(tried.stdout).toBe("Echo: Say hello\n");
  });

  it("a chat model over openai-compatible: the printed command shows the answer's text, not the message", async () => {
    const cwd = freshDir(dir, "chat-openai");
    const r = runCli(["chat", "--spec", example("chat-openai-compatible.json")], cwd);
    expect(r.status).toBe(0);
    const steps = next(r.stdout);
    expect(steps).toContain("ChatCompletions calls OpenAI's chat completions API at https://api.openai.com/v1/chat/completions.");
    const tried = await tryIt(steps, join(cwd, "chat"), chatServer.url);
    expect(tried.stderr).toBe("");
    expect(tried.stdout).toBe("Echo: Say hello\n");
  });

  it("http-json: names its url field and its key's variable", () => {
    const cwd = freshDir(dir, "http-json");
    const r = runCli(["--spec", example("http-json.json")], cwd);
    expect(r.status).toBe(0);
    const steps = next(r.stdout);
    expect(steps).not.toMatch(/fill in/);
    expect(steps).toContain('new InternalGatewayLLM({ url: "https://gateway.internal.example/v1/generate" })');
    expect(steps).toContain("GATEWAY_API_KEY");
  });
});

describe("--save-spec", () => {
  it("prints the whole replay command, package flags included, and that command gives the same bytes", () => {
    const first = freshDir(dir, "save-first");
    const r = runCli(["--spec", example("acme.json"), "--save-spec", "saved.json", "--scope", "@acme", "--author", "Acme Inc.", "--year", "2025"], first);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("replay this run with:\n  create-custom-llm --spec saved.json --scope @acme --author 'Acme Inc.' --year 2025\n");
    const command = r.stdout.split("\n").find((line) => line.startsWith("  create-custom-llm "))!.trim();

    const second = freshDir(dir, "save-second");
    copyFileSync(join(first, "saved.json"), join(second, "saved.json"));
    const replay = spawnSync("bash", ["-c", `create-custom-llm() { "${process.execPath}" "${CLI}" "$@"; }; ${command}`], { cwd: second, encoding: "utf8" });
    expect(replay.status).toBe(0);
    expect(readTree(join(second, "acme-llm"))).toEqual(readTree(join(first, "acme-llm")));
    expect(readFileSync(join(second, "acme-llm/LICENSE"), "utf8")).toContain("2025 Acme Inc.");
  });
});
