// The questions, answered through a real pseudo-terminal: the bin (`npm create custom-llm`) and
// `npx plop llm` run the same generator, so the same keys must give the same files.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordImports, runCli } from "./support/cli.js";
import { freshDir, readTree } from "./support/files.js";
import { CLI, packageFileCount, REPO, repoTempDir, TSC } from "./support/paths.js";
import { CTRL_C, CTRL_D, DOWN, ENTER, runInPty, type Step } from "./support/pty.js";

/** Files a package-mode run writes, counted from the real template table. */
const FILES = await packageFileCount();

const dir = repoTempDir("interactive");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fresh = (name: string): string => freshDir(dir, name);
/** Ctrl-U empties the line, so a rejected answer can be typed again. */
const RETYPE = "\x15";

/** Every answer after the class name: a loop of four params (each kind of default), a secret, streaming. */
const ANSWERS: Step[] = [
  { expect: "Description (opens the class docstring):", send: `Acme's hosted models.${ENTER}` },
  { expect: "Provider API docs URL (Enter to skip):", send: `https://docs.acme.example/api${ENTER}` },
  { expect: "Stream tokens as they arrive (_streamResponseChunks)?", send: `y${ENTER}` },
  // Each transport is listed with what it does.
  { expect: "custom             you fill in one method with your provider's SDK or API call", send: ENTER },
  { expect: "Add a constructor param (e.g. model, temperature)?", send: ENTER },
  { expect: "Param name (an identifier, e.g. maxTokens; Enter to end the list):", send: `model${ENTER}` },
  { expect: "Type of model:", send: ENTER },
  { expect: "Default value (Enter for none):", send: `acme-large-2${ENTER}` },
  { expect: "Describe model (becomes its docstring):", send: `Model to use.${ENTER}` },
  { expect: "Add another param?", send: `y${ENTER}` },
  // A name LangChain's LLM already has is refused as it is entered, with the spec's own message.
  { expect: "Param name (an identifier, e.g. maxTokens; Enter to end the list):", send: `invoke${ENTER}` },
  { expect: `"invoke" is already a member of LangChain's LLM class`, send: `${RETYPE}temperature${ENTER}` },
  { expect: "Type of temperature:", send: `${DOWN}${ENTER}` },
  { expect: "Default value (Enter for none):", send: `0.7${ENTER}` },
  { expect: "Describe temperature (becomes its docstring):", send: `Sampling temperature.${ENTER}` },
  { expect: "Add another param?", send: `y${ENTER}` },
  { expect: "Param name (an identifier, e.g. maxTokens; Enter to end the list):", send: `tier${ENTER}` },
  { expect: "Type of tier:", send: `${DOWN}${DOWN}${DOWN}${DOWN}${ENTER}` },
  { expect: "Allowed values, comma-separated:", send: `standard, priority${ENTER}` },
  { expect: "Default value:", send: `${DOWN}${ENTER}` },
  { expect: "Describe tier (becomes its docstring):", send: `Capacity tier.${ENTER}` },
  { expect: "Add another param?", send: `y${ENTER}` },
  { expect: "Param name (an identifier, e.g. maxTokens; Enter to end the list):", send: `safeMode${ENTER}` },
  { expect: "Type of safeMode:", send: `${DOWN}${DOWN}${ENTER}` },
  { expect: "Default value:", send: ENTER },
  { expect: "Must callers pass safeMode? (Enter lets them leave it unset) (y/N)", send: `n${ENTER}` },
  { expect: "Describe safeMode (becomes its docstring):", send: `Filter unsafe content.${ENTER}` },
  { expect: "Add another param?", send: ENTER },
  // The secret takes the suggested field name, variable and description, shown in brackets.
  { expect: "Does the provider need a secret, such as an API key?", send: ENTER },
  { expect: "Secret field name (an identifier, e.g. apiKey): [apiKey]", send: ENTER },
  { expect: "Environment variable read when apiKey is not passed: [ACME_API_KEY]", send: ENTER },
  { expect: "Describe apiKey (becomes its docstring): [Acme API key.]", send: ENTER },
  { expect: "Add another secret?", send: ENTER },
  // Package mode asks for the npm scope last; it is checked by npm's rules as it is typed.
  { expect: "npm scope of the package, e.g. @acme (Enter for none):", send: `Acme${ENTER}` },
  { expect: '"Acme" is not an npm scope', send: `${RETYPE}@acme${ENTER}` },
];

const EXPECTED_SPEC = {
  name: "AcmeLLM",
  description: "Acme's hosted models.",
  docsUrl: "https://docs.acme.example/api",
  params: [
    { name: "model", type: "string", description: "Model to use.", default: "acme-large-2" },
    { name: "temperature", type: "number", description: "Sampling temperature.", default: 0.7 },
    { name: "tier", type: { enum: ["standard", "priority"] }, description: "Capacity tier.", default: "standard" },
    { name: "safeMode", type: "boolean", description: "Filter unsafe content.", optional: true },
  ],
  secrets: [{ name: "apiKey", env: "ACME_API_KEY", description: "Acme API key." }],
  streaming: true,
  transport: "custom",
};

describe("answering the questions in a terminal", () => {
  const cwd = fresh("session");

  it("create-custom-llm asks, checks each answer, writes a package that type-checks, and saves a replayable spec", () => {
    // The folder a name would be written to is checked as the name is typed.
    mkdirSync(join(cwd, "taken-llm"));
    writeFileSync(join(cwd, "taken-llm/notes.txt"), "mine\n");
    // The pause lets the warm-up (src/prewarm.ts) start: it then runs alongside the answers and the run.
    const r = runInPty([process.execPath, CLI, "--save-spec", "answers.json"], [
      { expect: "What kind of model?", send: ENTER },
      { expect: "Class name of the wrapper (PascalCase, e.g. AcmeLLM):", send: `acme${ENTER}`, pause: 300 },
      { expect: "must be a PascalCase identifier", send: `${RETYPE}TakenLLM${ENTER}` },
      // Said at the class-name question, so it says what to type there.
      { expect: "taken-llm is not empty: it holds notes.txt. Type another class name here", send: `${RETYPE}AcmeLLM${ENTER}` },
      ...ANSWERS,
    ], cwd);
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    expect(r.screen).toContain(`Generating AcmeLLM in acme-llm…\nWrote ${FILES} files to acme-llm:`);
    expect(r.screen).toContain("Then fill in streamProvider() in src/acme-llm.ts");
    // The scope was asked, not given: the replay command gives it back as a flag.
    expect(r.screen).toContain("replay this run with:\n  create-custom-llm --spec answers.json --scope @acme\n");
    // The scope is not part of the spec, so the saved spec does not hold it.
    expect(JSON.parse(readFileSync(join(cwd, "answers.json"), "utf8"))).toEqual(EXPECTED_SPEC);
    expect(JSON.parse(readFileSync(join(cwd, "acme-llm/package.json"), "utf8")).name).toBe("@acme/langchain-acme-llm");

    const tsc = spawnSync(TSC, ["--noEmit", "-p", join(cwd, "acme-llm")], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
    const code = readFileSync(join(cwd, "acme-llm/src/acme-llm.ts"), "utf8");
    for (const text of ['"standard" | "priority"', "safeMode?: boolean", "ACME_API_KEY", "https://docs.acme.example/api"]) {
      expect(code).toContain(text);
    }
  });

  it("replaying the saved spec (and the scope, a flag) without a terminal gives the same bytes", () => {
    const r = runCli(["replayed", "--spec", "answers.json", "--scope", "@acme"], cwd);
    expect(r.status).toBe(0);
    expect(readTree(join(cwd, "replayed"))).toEqual(readTree(join(cwd, "acme-llm")));
  });

  it("npx plop llm asks the same questions and writes the same files", () => {
    const dest = fresh("plop");
    const plop = join(REPO, "node_modules/plop/bin/plop.js");
    // Node 20 loads plopfile.ts through tsx, as the README says.
    const r = runInPty([process.execPath, plop, "llm", "--dest", dest], [
      { expect: "What kind of model?", send: ENTER },
      { expect: "Class name of the wrapper (PascalCase, e.g. AcmeLLM):", send: `AcmeLLM${ENTER}` },
      ...ANSWERS,
    ], REPO, { NODE_OPTIONS: "--import tsx" });
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    expect(r.screen).toContain("custom-llm");
    expect(readTree(join(dest, "acme-llm"))).toEqual(readTree(join(cwd, "acme-llm")));
  });
});

describe("flags with the questions", () => {
  it("--name, --no-streaming and --scope answer their questions up front; --dry-run then writes nothing", () => {
    const cwd = fresh("presets");
    const r = runInPty([process.execPath, CLI, "--name", "BetaLLM", "--no-streaming", "--scope", "@beta", "--dry-run"], [
      { expect: "What kind of model?", send: ENTER },
      { expect: "Description (opens the class docstring):", send: `Beta models.${ENTER}` },
      { expect: "Provider API docs URL (Enter to skip):", send: ENTER },
      { expect: "Transport (how the provider is called):", send: ENTER },
      { expect: "Add a constructor param (e.g. model, temperature)?", send: `n${ENTER}` },
      { expect: "Does the provider need a secret, such as an API key?", send: `n${ENTER}` },
    ], cwd);
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    expect(r.screen).not.toContain("Class name of the wrapper");
    expect(r.screen).not.toContain("Stream tokens");
    expect(r.screen).not.toContain("npm scope");
    expect(r.screen).toContain(`Would write ${FILES} files to beta-llm:\n  src/beta-llm.ts\n`);
    expect(r.screen).toContain("Dry run: nothing was written.");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("a bad --scope is refused before the first question: exit 2, naming the flag and the fix", () => {
    const cwd = fresh("bad-scope");
    const r = runInPty([process.execPath, CLI, "--scope", "Bad/Scope"], [], cwd);
    expect(r.status).toBe(2);
    expect(r.screen).toContain('--scope: "Bad/Scope" is not an npm scope');
    expect(r.screen).not.toContain("Class name of the wrapper");
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe("Ctrl-C", () => {
  it("mid-way through the params exits 130 and writes nothing", () => {
    const cwd = fresh("ctrl-c");
    const r = runInPty([process.execPath, CLI, "--save-spec", "answers.json"], [
      { expect: "What kind of model?", send: ENTER },
      { expect: "Class name of the wrapper (PascalCase, e.g. AcmeLLM):", send: `AcmeLLM${ENTER}` },
      ...ANSWERS.slice(0, 8),
      { expect: "Describe model (becomes its docstring):", send: `Model to${CTRL_C}` },
    ], cwd);
    expect(r.error).toBeNull();
    expect(r.status).toBe(130);
    expect(r.screen).toContain("Cancelled: nothing was written.");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("Ctrl-D (end of input) at a question ends the run the same way instead of hanging", () => {
    const cwd = fresh("ctrl-d");
    const r = runInPty([process.execPath, CLI], [
      { expect: "What kind of model?", send: ENTER },
      { expect: "Class name of the wrapper (PascalCase, e.g. AcmeLLM):", send: `AcmeLLM${ENTER}` },
      { expect: "Description (opens the class docstring):", send: CTRL_D },
    ], cwd);
    expect(r.status).toBe(130);
    expect(r.screen).toContain("Cancelled: nothing was written.");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("at the first question: by then neither TypeScript, prettier, the templates nor plop have loaded", () => {
    const cwd = fresh("first-question");
    const rec = recordImports(join(dir, "first-question-imports.txt"));
    // Imports are recorded until exit: without the warm-up (which starts 200 ms after the question shows,
    // see the next test), a slow Ctrl-C cannot make this test record what the warm-up loads.
    const env = { ...rec.env, CREATE_CUSTOM_LLM_PREWARM: "0" };
    const r = runInPty([process.execPath, ...rec.nodeArgs, CLI], [{ expect: "What kind of model?", send: CTRL_C }], cwd, env);
    expect(r.status).toBe(130);
    const loaded = rec.read();
    expect(loaded.some((url) => url.includes("/node_modules/@inquirer/prompts/"))).toBe(true);
    // The bin asks without plop: node-plop, inquirer 9 and rxjs are for `npx plop llm` and `plop.load` only.
    for (const plopOnly of ["/node_modules/node-plop/", "/node_modules/inquirer/", "/node_modules/rxjs/"]) {
      expect(loaded.filter((url) => url.includes(plopOnly))).toEqual([]);
    }
    for (const heavy of ["/node_modules/@ts-morph/", "/node_modules/prettier/", "/node_modules/typescript/", "/dist/src/generate.js", "/dist/src/render/render.js", "/dist/src/format/format.js"]) {
      expect(loaded.filter((url) => url.includes(heavy))).toEqual([]);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("Ctrl-C while the warm-up runs in the background: exits 130, prints nothing of it, leaves nothing", () => {
    const cwd = fresh("warm-up-cancelled");
    const rec = recordImports(join(dir, "warm-up-imports.txt"));
    // A person reading the first question for 1.5 s: the warm-up has started by then.
    const r = runInPty([process.execPath, ...rec.nodeArgs, CLI], [{ expect: "What kind of model?", send: CTRL_C, pause: 1500 }], cwd, rec.env);
    expect(r.status).toBe(130);
    expect(rec.read().some((url) => url.endsWith("/dist/src/generate.js"))).toBe(true);
    expect(r.screen.slice(r.screen.indexOf("What kind of model?"))).toMatch(/^What kind of model\?[^]*?\n+Cancelled: nothing was written\.\n$/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
