// The bin's flag paths and error paths, each run as a real process with no terminal on stdin (as in CI).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordImports, runCli } from "./support/cli.js";
import { freshDir, listTree, readTree } from "./support/files.js";
import { packageFileCount, REPO, repoTempDir } from "./support/paths.js";

/** Files a package-mode run writes, counted from the real template table. */
const FILES = await packageFileCount();

const dir = repoTempDir("cli-flags");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const acme = join(REPO, "examples/acme.json");
const minimal = join(REPO, "examples/minimal.json");
const fresh = (name: string): string => freshDir(dir, name);

describe("create-custom-llm flags", () => {
  it("--help loads nothing from node_modules, nor any of the pipeline", () => {
    const rec = recordImports(join(dir, "help-imports.txt"));
    const r = runCli(["--help"], dir, rec.env, rec.nodeArgs);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--save-spec <file>");
    const files = rec.read().filter((url) => url.startsWith("file:") && !url.includes("/test/support/"));
    expect(files.map((url) => url.slice(url.indexOf("/dist/"))).sort()).toEqual([
      "/dist/src/cli/args.js",
      "/dist/src/cli/main.js",
      "/dist/src/cli/update-args.js",
      "/dist/src/cli/usage.js",
      "/dist/src/paths.js",
    ]);
  });

  it("a spec file with --name and --no-streaming: the flags win, the folder follows the name, nothing is asked", () => {
    const cwd = fresh("override");
    // A folder holding only .git (a fresh `git init`) counts as empty.
    mkdirSync(join(cwd, "beta-llm/.git"), { recursive: true });
    writeFileSync(join(cwd, "beta-llm/.git/HEAD"), "ref: refs/heads/main\n");
    const r = runCli(["--spec", acme, "--name", "BetaLLM", "--no-streaming"], cwd, {
      npm_config_user_agent: "pnpm/9.12.0 npm/? node/v20.20.2 linux x64",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const code = readFileSync(join(cwd, "beta-llm/src/beta-llm.ts"), "utf8");
    expect(code).toContain("export class BetaLLM extends LLM");
    expect(code).toContain("callProvider(");
    expect(code).not.toContain("_streamResponseChunks");
    expect(readFileSync(join(cwd, "beta-llm/.git/HEAD"), "utf8")).toBe("ref: refs/heads/main\n");
    expect(r.stdout).toContain("Next:\n  cd beta-llm\n  pnpm install\n  pnpm test\n");
    expect(r.stdout).toContain("fill in callProvider() in src/beta-llm.ts");
  });

  it("--streaming over a spec without it, and --save-spec writes a spec that replays byte for byte", () => {
    const cwd = fresh("save");
    const first = runCli(["first", "--spec", minimal, "--streaming", "--save-spec", "saved.json"], cwd);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Saved the spec to saved.json; replay this run with:\n  create-custom-llm first --spec saved.json\n");
    const saved = JSON.parse(readFileSync(join(cwd, "saved.json"), "utf8"));
    expect(saved).toEqual({ ...JSON.parse(readFileSync(minimal, "utf8")), streaming: true });
    expect(readFileSync(join(cwd, "first/src/echo-llm.ts"), "utf8")).toContain("_streamResponseChunks");

    const replay = runCli(["second", "--spec", "saved.json"], cwd);
    expect(replay.status).toBe(0);
    expect(readTree(join(cwd, "second"))).toEqual(readTree(join(cwd, "first")));
  });

  it("with no terminal and no spec it asks nothing: exit 2 naming the missing fields, nothing written", () => {
    const cwd = fresh("no-tty");
    const r = runCli(["out"], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("name: is required");
    expect(r.stderr).toContain("description: is required");
    expect(r.stderr).toContain("stdin is not a terminal: pass --spec <file.json>");
    expect(r.stdout).toBe("");

    const yes = runCli(["out", "--name", "AcmeLLM", "--yes"], cwd);
    expect(yes.status).toBe(2);
    expect(yes.stderr).toContain("description: is required");
    expect(yes.stderr).not.toContain("name: is required");
    expect(yes.stderr).toContain("--yes was given");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("a bad --name over a good spec is refused, naming the field and the fix", () => {
    const cwd = fresh("bad-name");
    const r = runCli(["out", "--spec", acme, "--name", "acme-llm"], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('name: must be a PascalCase identifier (letters and digits, first one upper-case), e.g. "AcmeLLM"');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("--kind chat over an LLM spec writes a chat model; --kind chat with http-json is refused, naming the fix", () => {
    const cwd = fresh("kind");
    const r = runCli(["--spec", acme, "--kind", "chat", "--name", "ChatAcme"], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, "chat-acme/src/chat-acme.ts"), "utf8")).toContain("export class ChatAcme extends BaseChatModel<");
    const refused = runCli(["out", "--spec", join(REPO, "examples/http-json.json"), "--kind", "chat"], cwd);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('transport: "http-json" cannot serve a chat model');
    expect(refused.stderr).toContain('use "openai-compatible" or "ollama"');
    const unknown = runCli(["out", "--spec", acme, "--kind", "embeddings"], cwd);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('kind: must be one of "llm", "chat"');
    expect(readdirSync(cwd)).toEqual(["chat-acme"]);
  });

  it("refuses a folder that is not empty, naming its files; --force writes beside them", () => {
    const target = fresh("not-empty/acme");
    mkdirSync(join(target, "notes"));
    writeFileSync(join(target, "notes/todo.txt"), "mine\n");
    writeFileSync(join(target, "COPYING.txt"), "mine\n");
    const r = runCli([target, "--spec", acme], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("is not empty: it holds COPYING.txt, notes/todo.txt.");
    expect(r.stderr).toContain("pass --force");
    expect(listTree(target)).toEqual(["COPYING.txt", "notes/todo.txt"]);

    const forced = runCli([target, "--spec", acme, "--force"], dir);
    expect(forced.status).toBe(0);
    expect(listTree(target)).toEqual(expect.arrayContaining(["COPYING.txt", "notes/todo.txt", "src/acme-llm.ts", "package.json"]));
    expect(readFileSync(join(target, "COPYING.txt"), "utf8")).toBe("mine\n");
    // No staging folder is left beside the target.
    expect(readdirSync(join(dir, "not-empty"))).toEqual(["acme"]);
  });

  it("--dry-run with --save-spec lists what it would write and writes neither", () => {
    const cwd = fresh("dry");
    mkdirSync(join(cwd, "acme-llm"));
    writeFileSync(join(cwd, "acme-llm/README.md"), "mine");
    const r = runCli(["--spec", acme, "--dry-run", "--save-spec", "acme-saved.json"], cwd);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Would write ${FILES} files to acme-llm:\n  src/acme-llm.ts\n`);
    expect(r.stdout).toContain("  README.md (exists)\n");
    expect(r.stdout).toContain("Would save the spec to acme-saved.json\n");
    expect(r.stdout).toContain("Without --force nothing would be written: acme-llm is not empty: it holds README.md.");
    expect(listTree(cwd)).toEqual(["acme-llm/README.md"]);
  });

  it("--save-spec will not replace a file without --force, and says so before any work", () => {
    const cwd = fresh("save-exists");
    writeFileSync(join(cwd, "spec.json"), "{}\n");
    const r = runCli(["out", "--spec", acme, "--save-spec", "spec.json"], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("spec.json exists already; choose another --save-spec file or pass --force to replace it");
    expect(readFileSync(join(cwd, "spec.json"), "utf8")).toBe("{}\n");
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("--scope, --author and --year name the package and fill in its LICENSE", () => {
    const cwd = fresh("package-flags");
    const r = runCli(["--spec", acme, "--scope", "@acme", "--author", "Acme Inc.", "--year", "2031"], cwd);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(cwd, "acme-llm/package.json"), "utf8")) as { name: string; author: string };
    expect(pkg.name).toBe("@acme/langchain-acme-llm");
    expect(pkg.author).toBe("Acme Inc.");
    expect(readFileSync(join(cwd, "acme-llm/LICENSE"), "utf8")).toContain("Copyright (c) 2031 Acme Inc.");
    expect(readFileSync(join(cwd, "acme-llm/README.md"), "utf8")).toContain("npm install @acme/langchain-acme-llm");
  });

  it("bad package flags: exit 2 naming each flag and its fix, before the spec is read, nothing written", () => {
    const cwd = fresh("bad-package-flags");
    // The spec file does not exist: the flags are checked first, so that is not what is reported.
    const r = runCli(["--spec", "missing.json", "--scope", "Bad/Scope", "--year", "20x6"], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Invalid package flags (2 problems):");
    expect(r.stderr).toContain('--scope: "Bad/Scope" is not an npm scope: use lower-case letters, digits, "-", "." or "_", e.g. "@acme"');
    expect(r.stderr).toContain('--year: "20x6" is not a year: use four digits, e.g. --year 2026');
    expect(r.stderr).not.toContain("missing.json");
    expect(r.stdout).toBe("");

    const author = runCli(["--spec", acme, "--author", "Acme\nInc."], cwd);
    expect(author.status).toBe(2);
    expect(author.stderr).toContain('--author: must be one line of text naming the copyright holder, e.g. "Acme Inc."');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each([
    [["--streaming", "--no-streaming", "--spec", "x.json"], "--streaming and --no-streaming contradict each other"],
    [["one", "two"], "Expected at most one target folder, got 2: one two"],
    [["--save-spec"], "Option '--save-spec <value>' argument missing"],
    [["--scope", ""], "--scope needs a value, e.g. --scope @acme"],
  ])("usage error %j: exit 2 with the reason and the usage", (args, reason) => {
    const r = runCli(args, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(reason);
    expect(r.stderr).toContain("Usage: create-custom-llm");
  });
});
