import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { listTree } from "./support/files.js";
import { CLI, packageFileCount, REPO, repoTempDir } from "./support/paths.js";

const dir = repoTempDir("cli");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const acme = join(REPO, "examples/acme.json");

describe("create-custom-llm", () => {
  it("--help prints usage and exits 0", () => {
    const r = runCli(["--help"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: create-custom-llm");
    expect(r.stdout).toContain("a text-completion LLM or a chat model (messages, tool\ncalling, structured output)");
  });

  it("--version prints the package version", () => {
    const r = runCli(["--version"], dir);
    const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("generates the example into a new folder and lists the files", () => {
    const r = runCli(["acme", "--spec", acme, "--yes"], dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const files = listTree(join(dir, "acme"));
    expect(files).toEqual(
      [".custom-llm/AcmeLLM.json", ".gitignore", ".prettierignore", ".prettierrc.json", "LICENSE", "README.md", "docs/acme-llm.md", "package.json", "src/acme-llm.test.ts", "src/acme-llm.ts", "src/index.ts", "tsconfig.build.json", "tsconfig.json", "vitest.config.ts"].sort(),
    );
    for (const f of files) expect(r.stdout).toContain(f);
    expect(r.stdout).toContain("npm test");
  });

  it("never prints an environment variable's value, even the secret's own", () => {
    const secret = `sk-${Math.random().toString(36).slice(2)}`;
    const r = runCli([join(dir, "env-check"), "--spec", acme, "--dry-run"], dir, { ACME_API_KEY: secret });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it("a reader that closes its end of the pipe (| head -1) changes neither the files nor the exit code", async () => {
    const child = spawn(process.execPath, [CLI, "piped", "--spec", join(REPO, "examples/chat-custom.json")], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Closed before the bin writes a line, so every line it writes meets a closed pipe.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(listTree(join(dir, "piped"))).toHaveLength(await packageFileCount());
  });

  it("names the target after the class when no folder is given", () => {
    const cwd = join(dir, "default-name");
    mkdirSync(cwd);
    expect(runCli(["--spec", acme], cwd).status).toBe(0);
    expect(existsSync(join(cwd, "acme-llm/src/acme-llm.ts"))).toBe(true);
  });

  it("refuses to overwrite existing files, names them, and changes nothing", () => {
    const target = join(dir, "existing");
    mkdirSync(join(target, "src"), { recursive: true });
    writeFileSync(join(target, "src/acme-llm.ts"), "// mine\n");
    const r = runCli([target, "--spec", acme], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("src/acme-llm.ts");
    expect(r.stderr).toContain("--force");
    expect(listTree(target)).toEqual(["src/acme-llm.ts"]);
    expect(readFileSync(join(target, "src/acme-llm.ts"), "utf8")).toBe("// mine\n");

    expect(runCli([target, "--spec", acme, "--force"], dir).status).toBe(0);
    expect(readFileSync(join(target, "src/acme-llm.ts"), "utf8")).toContain("class AcmeLLM");
  });

  it("--dry-run lists the files, marks existing ones, writes nothing", () => {
    const target = join(dir, "dry");
    mkdirSync(target);
    writeFileSync(join(target, "README.md"), "mine");
    const r = runCli([target, "--spec", acme, "--dry-run"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("README.md (exists)");
    expect(r.stdout).toContain("src/acme-llm.ts\n");
    expect(listTree(target)).toEqual(["README.md"]);
  });

  it("rejects an invalid spec with exit 2, naming the field, writing nothing", () => {
    const spec = join(dir, "bad.json");
    writeFileSync(spec, JSON.stringify({ name: "acme", description: "d", params: [{ name: "temperature", type: "int", description: "x" }] }));
    const r = runCli([join(dir, "bad-out"), "--spec", spec], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("name: must be a PascalCase identifier");
    expect(r.stderr).toContain("params[0].type: must be one of");
    expect(existsSync(join(dir, "bad-out"))).toBe(false);
  });

  it("--transport replaces the spec's transport, validated with the rest", () => {
    const r = runCli([join(dir, "tr-out"), "--spec", join(REPO, "examples/minimal.json"), "--transport", "ollama"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('params: transport "ollama" sends the model name');
    expect(runCli(["--spec", join(REPO, "examples/minimal.json"), "-t", "grpc"], dir).stderr).toContain("transport: must be one of");
  });

  it("reports a missing or unparsable spec file with exit 2", () => {
    expect(runCli(["--spec", join(dir, "nope.json")], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("not found") });
    writeFileSync(join(dir, "broken.json"), "{ nope");
    expect(runCli(["--spec", join(dir, "broken.json")], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("broken.json") });
  });

  it("rejects unknown flags and missing --spec with exit 2", () => {
    expect(runCli(["--frobnicate"], dir).status).toBe(2);
    expect(runCli([], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("--spec") });
  });
});

describe("spec rules the bin applies to a spec file", () => {
  it.each(["PATH", "HOME", "USER", "SHELL", "PWD", "TMPDIR", "LANG", "TERM", "NODE_OPTIONS", "LC_ALL"])(
    "refuses %s as a secret's environment variable, naming the field and the fix",
    (env) => {
      const spec = join(dir, `env-${env}.json`);
      writeFileSync(spec, JSON.stringify({ name: "AcmeLLM", description: "d", secrets: [{ name: "apiKey", env, description: "Key." }] }));
      const r = runCli([join(dir, `env-${env}-out`), "--spec", spec], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`secrets[0].env: "${env}" is set by the shell or the operating system, not a secret`);
      expect(r.stderr).toContain('name the provider\'s own variable, e.g. "ACME_API_KEY"');
      expect(existsSync(join(dir, `env-${env}-out`))).toBe(false);
    },
  );

  it("accepts a snake_case param name, which HTTP transports send as written", () => {
    const spec = join(dir, "snake.json");
    const params = [{ name: "max_tokens", type: "number", default: 16, description: "Most tokens." }];
    writeFileSync(spec, JSON.stringify({ name: "AcmeLLM", description: "d", params }));
    expect(runCli(["--spec", spec, "--dry-run"], dir).status).toBe(0);
  });

  it("names a spec built from flags as such when it is incomplete", () => {
    const r = runCli(["--yes"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Invalid spec from the flags \(2 problems\):/);
  });
});

describe("the generated package's own docs", () => {
  it("custom transport, no secrets: no to-do in the README, no secrets in its test line, TSDoc links without a space", () => {
    const r = runCli(["echo", "--spec", join(REPO, "examples/minimal.json")], dir);
    expect(r.status).toBe(0);
    const readme = readFileSync(join(dir, "echo/README.md"), "utf8");
    expect(readme).not.toMatch(/Next:|fill in/i);
    expect(readme).toMatch(/npm test {10}# vitest: invoke, batch, stream, callbacks, stop\n/);
    const code = readFileSync(join(dir, "echo/src/echo-llm.ts"), "utf8");
    expect(code).toContain("/** Constructor fields of {@link EchoLLM}. */");
    expect(code).toContain("{@link EchoLLM.callProvider}");
    expect(code).not.toMatch(/\{@link [^}]* \}/);
    // The to-do stays where it belongs: the method's own comment and the bin's output.
    expect(code).toContain("replace the body with your API or model call");
    expect(r.stdout).toContain("Then fill in callProvider()");
  });

  it("a chat model with no secrets: TSDoc links without a space, no credential scaffolding, a blank line between top-level functions", () => {
    const r = runCli(["chat-echo", "--spec", join(REPO, "examples/minimal.json"), "--kind", "chat", "--name", "ChatEcho"], dir);
    expect(r.status).toBe(0);
    const code = readFileSync(join(dir, "chat-echo/src/chat-echo.ts"), "utf8");
    expect(code).toContain("/** Constructor fields of {@link ChatEcho}. */");
    expect(code).toContain("{@link ChatEchoDelta}");
    expect(code).not.toMatch(/\{@link [^}]* \}/);
    for (const dead of ["Credentials", "omitKeys", "lc_secrets", "redactSecrets", "#credentials"]) expect(code).not.toContain(dead);
    expect(code).not.toMatch(/\b_stream\b/);
    expect(code).not.toMatch(/^}\n(?:\/\*\*|function|async function|const|class|interface)/m);
  });

  it("an HTTP LLM: a blank line between top-level functions", () => {
    const r = runCli(["completions", "--spec", join(REPO, "examples/openai-compatible.json")], dir);
    expect(r.status).toBe(0);
    const code = readFileSync(join(dir, "completions/src/completions-llm.ts"), "utf8");
    expect(code).toContain("function throwIfStreamError");
    expect(code).not.toMatch(/^}\n(?:\/\*\*|function|async function|const|class|interface)/m);
  });

  it("an openai-compatible chat model's docs list every constructor field, modelKwargs and streaming included", () => {
    const r = runCli(["chat-docs", "--spec", join(REPO, "examples/chat-openai-compatible.json")], dir);
    expect(r.status).toBe(0);
    const docs = readFileSync(join(dir, "chat-docs/docs/chat-completions.md"), "utf8");
    for (const field of ["model", "temperature", "maxTokens", "topP", "baseUrl", "modelKwargs", "streaming"]) expect(docs).toMatch(new RegExp(`^\\| \`${field}\` +\\|`, "m"));
    expect(docs).toContain("npm install langchain zod");
    // The package's README and the docs page both show the model in LangChain's agent.
    expect(docs).toContain("createAgent({ model, tools: [weather] })");
    expect(readFileSync(join(dir, "chat-docs/README.md"), "utf8")).toContain("createAgent({ model, tools: [] })");
  });

  it("with a scope, the class's @example imports from the package as written; no comment names a cutAtStop() the file lacks", () => {
    const r = runCli(["scoped", "--spec", acme, "--scope", "@acme"], dir);
    expect(r.status).toBe(0);
    const code = readFileSync(join(dir, "scoped/src/acme-llm.ts"), "utf8");
    expect(code).toContain(' * import { AcmeLLM } from "@acme/langchain-acme-llm";');
    expect(code).not.toContain("\\@");
    // A streaming custom LLM has no whole text to cut: no cutAtStop(), and no comment that names it.
    expect(code).not.toContain("function cutAtStop(");
    expect(code).not.toContain("cutAtStop()");
    const chat = runCli(["scoped-chat", "--spec", join(REPO, "examples/chat-custom.json"), "--scope", "@acme"], dir);
    expect(chat.status).toBe(0);
    const chatCode = readFileSync(join(dir, "scoped-chat/src/chat-acme.ts"), "utf8");
    expect(chatCode).toContain(' * import { ChatAcme } from "@acme/langchain-chat-acme";');
    expect(chatCode).not.toContain("\\@");
  });

  it("with a secret, the README's test line names the secrets tests", () => {
    const r = runCli(["acme-docs", "--spec", acme], dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "acme-docs/README.md"), "utf8")).toContain("# vitest: invoke, batch, stream, callbacks, stop, secrets\n");
  });
});
