// A team's repo adds a wrapper with `npx plop llm`: its own plopfile is the one documented line, node-plop's
// real `plop.load` finds our package (installed from the packed tarball) from that repo, and the generator
// writes the class, test and docs into the folders the repo's config names. The repo installs from the npm
// registry (or its cache), so SKIP_SLOW=1 skips it locally, like package-e2e; CI runs it.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv } from "./support/child-env.js";
import { listTree, readTree } from "./support/files.js";
import { npm, osTempDir, packRepo } from "./support/pack-repo.js";
import { REPO } from "./support/paths.js";
import { CTRL_C, DOWN, ENTER, runInPty, type Step } from "./support/pty.js";

const slow = process.env.SKIP_SLOW === "1" ? describe.skip : describe;
const OURS = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
const PLOPFILE = 'export default async (plop) => { await plop.load("create-custom-llm"); };\n';
const WRITTEN = ["documentation/llms/AcmeLLM.md", "lib/llms/AcmeLLM.ts", "tests/llms/AcmeLLM.test.ts"];
const CHAT_WRITTEN = ["documentation/llms/ChatGammaLLM.md", "lib/llms/ChatGammaLLM.ts", "tests/llms/ChatGammaLLM.test.ts"];

/** The first question, answered with the default: an LLM. */
const LLM_KIND: Step = { expect: "What kind of model?", send: ENTER };

/** The questions after the class name; the repo's config adds its default param and secret. */
const answers = (description: string): Step[] => [
  { expect: "Description (opens the class docstring):", send: `${description}${ENTER}` },
  { expect: "Provider API docs URL (Enter to skip):", send: ENTER },
  { expect: "Stream tokens as they arrive (_streamResponseChunks)?", send: `y${ENTER}` },
  { expect: "Transport (how the provider is called):", send: ENTER },
  { expect: "Add a constructor param (e.g. model, temperature)?", send: `y${ENTER}` },
  { expect: "Param name (an identifier, e.g. maxTokens; Enter to end the list):", send: `model${ENTER}` },
  { expect: "Type of model:", send: ENTER },
  { expect: "Default value (Enter for none):", send: `acme-large-2${ENTER}` },
  { expect: "Describe model (becomes its docstring):", send: `Model to use.${ENTER}` },
  { expect: "Add another param?", send: ENTER },
  { expect: "Does the provider need a secret, such as an API key?", send: `n${ENTER}` },
];

slow("npx plop llm in a repo whose plopfile loads create-custom-llm", () => {
  let work: string;
  let repo: string;
  /** The repo's files (node_modules aside) before the first run. */
  let before: Record<string, string>;
  const plop = (args: string[], steps: Step[]) => runInPty(["npx", "plop", "llm", ...args], steps, repo, childEnv({ NO_COLOR: "1" }));
  const files = () => listTree(repo).filter((f) => !f.startsWith("node_modules/"));
  const read = (path: string) => readFileSync(join(repo, path), "utf8");

  beforeAll(() => {
    work = osTempDir("plop-load");
    const tarball = packRepo(work);
    repo = join(work, "repo");
    // The conventions fixture: non-default folders, pascal file names, an LLM suffix, a license header,
    // default params and secrets, an override template with a partial.
    cpSync(join(REPO, "test/fixtures/team-repo"), repo, { recursive: true });
    writeFileSync(join(repo, "plopfile.js"), PLOPFILE);
    writeFileSync(
      join(repo, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true, types: ["node"] },
        include: ["lib", "tests", "api-check.ts"],
      }),
    );
    // The library API through the package's exports map, type-checked with the wrapper below.
    writeFileSync(
      join(repo, "api-check.ts"),
      [
        'import createCustomLlm from "create-custom-llm";',
        'import { generateWrapperInto, type SpecInput } from "create-custom-llm/generate";',
        'const spec: SpecInput = { name: "BetaLLM", description: "Beta." };',
        "export const add = (): Promise<unknown> => generateWrapperInto(\".\", spec);",
        "export const load: typeof createCustomLlm = createCustomLlm;",
        "",
      ].join("\n"),
    );
    // What a team repo with tests of its own has; the check then reads these rather than our snapshot.
    const deps = [tarball, ...["plop", "@langchain/core", "typescript", "vitest", "@types/node"].map((name) => `${name}@${OURS.devDependencies[name]}`)];
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", ...deps], repo);
    before = readTree(repo);
    delete before["package-lock.json"];
    for (const f of Object.keys(before)) if (f.startsWith("node_modules/")) delete before[f];
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("asks the questions and writes only the class, test and docs, into the configured folders", () => {
    const r = plop([], [LLM_KIND, { expect: "Class name of the wrapper (PascalCase, e.g. AcmeLLM):", send: `Acme${ENTER}` }, ...answers("Acme's in-house model.")]);
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    expect(r.screen).toContain(`custom-llm ${WRITTEN[1]}, ${WRITTEN[2]}, ${WRITTEN[0]}`);
    expect(r.screen).not.toContain("npm scope");
    expect(files().filter((f) => !(f in before) && f !== "package-lock.json")).toEqual([".custom-llm/AcmeLLM.json", ...WRITTEN]);
    // No package files: what was there is untouched, and nothing else appeared.
    for (const [path, text] of Object.entries(before)) expect(read(path), path).toBe(text);
    const code = read("lib/llms/AcmeLLM.ts");
    expect(code.startsWith("/*\n * Copyright (c) Acme Inc.")).toBe(true);
    expect(code).toContain("export class AcmeLLM extends LLM");
    for (const text of ["teamToken", "ACME_TEAM_TOKEN", '"eu" | "us"', "acme-large-2"]) expect(code).toContain(text);
    expect(read("documentation/llms/AcmeLLM.md")).toContain("# AcmeLLM (Acme internal)");
    expect(read("tests/llms/AcmeLLM.test.ts")).toContain('from "../../lib/llms/AcmeLLM.js"');
  });

  it("a chat model follows the same conventions: folders, suffix, header, default param and secret", () => {
    const r = plop([], [
      { expect: "What kind of model?", send: `${DOWN}${ENTER}` },
      { expect: "Class name of the wrapper (PascalCase, e.g. ChatAcme):", send: `ChatGamma${ENTER}` },
      // A chat model's own questions come once the transport is chosen.
      ...answers("Gamma's chat model.").flatMap((step) =>
        step.expect.startsWith("Transport")
          ? [
              step,
              { expect: "Provider id, for LangSmith's cost and grouping (e.g. openai, mistral): [gamma]", send: ENTER },
              { expect: "Context window of the default model, in tokens (Enter to skip):", send: `32000${ENTER}` },
              { expect: "Does the model take images?", send: ENTER },
              { expect: "Does the server hold answers to a JSON schema", send: ENTER },
            ]
          : [step],
      ),
    ]);
    expect(r.error).toBeNull();
    expect(r.status).toBe(0);
    const code = read("lib/llms/ChatGammaLLM.ts");
    expect(code.startsWith("/*\n * Copyright (c) Acme Inc.")).toBe(true);
    expect(code).toContain("export class ChatGammaLLM extends BaseChatModel");
    for (const text of ["teamToken", "ACME_TEAM_TOKEN", '"eu" | "us"', "bindTools", 'ls_provider: "gamma"', "maxInputTokens: 32000"]) expect(code).toContain(text);
    expect(read("tests/llms/ChatGammaLLM.test.ts")).toContain('from "../../lib/llms/ChatGammaLLM.js"');
    expect(read("documentation/llms/ChatGammaLLM.md")).toContain("chat model");
    expect(files().filter((f) => CHAT_WRITTEN.includes(f))).toEqual(CHAT_WRITTEN);
  });

  it("the wrappers and the library API type-check against the repo's own @langchain/core; its tests pass", () => {
    const tsc = spawnSync(join(repo, "node_modules/.bin/tsc"), ["-p", repo], { cwd: repo, env: childEnv(), encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
    const vitest = spawnSync(join(repo, "node_modules/.bin/vitest"), ["run", "tests"], { cwd: repo, env: childEnv({ NO_COLOR: "1" }), encoding: "utf8" });
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0);
    expect(vitest.stdout).toMatch(/Tests\s+\d+ passed/);
  });

  it("refuses a class name whose files exist as it is typed; plop --force replaces them", () => {
    const refused = plop([], [
      LLM_KIND,
      { expect: "Class name of the wrapper", send: `Acme${ENTER}` },
      { expect: `${WRITTEN[1]}, ${WRITTEN[2]}, ${WRITTEN[0]} exist already: choose another name, or run plop with --force`, send: CTRL_C },
    ]);
    expect(refused.error).toBeNull();
    const first = read(WRITTEN[1]!);
    const forced = plop(["--force"], [LLM_KIND, { expect: "Class name of the wrapper", send: `Acme${ENTER}` }, ...answers("Replaced model.")]);
    expect(forced.error).toBeNull();
    expect(forced.status).toBe(0);
    expect(read(WRITTEN[1]!)).not.toBe(first);
    expect(read(WRITTEN[1]!)).toContain("Replaced model.");
  });

  it("a broken config is reported before any question, naming the field; exit 1, nothing written", () => {
    const config = join(repo, "custom-llm.config.json");
    const good = readFileSync(config, "utf8");
    const listed = files();
    writeFileSync(config, good.replace('"pascal"', '"snake"'));
    try {
      const r = plop([], []);
      expect(r.status).toBe(1);
      expect(r.screen).toContain("Invalid custom-llm.config.json (1 problem):");
      expect(r.screen).toContain('fileNaming: must be "kebab" (acme-llm.ts), "camel" (acmeLlm.ts) or "pascal" (AcmeLLM.ts)');
      expect(r.screen).not.toContain("What kind of model?");
      expect(files()).toEqual(listed);
    } finally {
      writeFileSync(config, good);
    }
  });

  it("an override template that does not type-check fails the action, naming the template; exit 1, nothing written", () => {
    const template = join(repo, "llm-templates/wrapper/llm.ts.hbs");
    writeFileSync(template, "export const broken: number = {{str className}};\n");
    const listed = files();
    try {
      const r = plop([], [LLM_KIND, { expect: "Class name of the wrapper", send: `Gamma${ENTER}` }, ...answers("Gamma.")]);
      expect(r.error).toBeNull();
      expect(r.status).toBe(1);
      expect(r.screen).toMatch(/lib\/llms\/GammaLLM\.ts \(rendered from override template .*llm-templates\/wrapper\/llm\.ts\.hbs\)/);
      expect(files()).toEqual(listed);
    } finally {
      rmSync(template);
    }
  });

  it("also loads through the package's exports map from plain Node", () => {
    const script = 'import load from "create-custom-llm"; import { generateFiles } from "create-custom-llm/generate"; console.log(typeof load, typeof generateFiles);';
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: repo, env: childEnv(), encoding: "utf8" });
    expect(out.trim()).toBe("function function");
  });
});
