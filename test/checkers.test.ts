// The two type-checkers (TypeScript 7 native, the default; TypeScript 5 through ts-morph, the fallback) must
// agree: on every example and varied spec (no errors), and on emitted code broken in several ways (the same
// errors at the same places).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatFiles } from "../src/render/format.js";
import { renderFiles, type GeneratedFile } from "../src/render/render.js";
import { emittedDiagnostics, typecheckWhileFormatting } from "../src/validate/typecheck.js";
import { TypecheckError } from "../src/validate/typecheck-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { recordImports, runCli } from "./support/cli.js";
import { REPO, repoTempDir } from "./support/paths.js";
import { exampleSpecs, VARIED_SPECS } from "./support/specs.js";

async function emitted(spec: unknown): Promise<GeneratedFile[]> {
  return formatFiles(renderFiles(validateSpec(spec), "package"));
}

/** Replaces `from` in one emitted file; fails the test if `from` is not there (a vacuous break). */
function broken(files: GeneratedFile[], suffix: string, from: string | RegExp, to: string): GeneratedFile[] {
  return files.map((f) => {
    if (!f.path.endsWith(suffix)) return f;
    const contents = f.contents.replace(from, to);
    expect(contents, `${String(from)} in ${f.path}`).not.toBe(f.contents);
    return { ...f, contents };
  });
}

const both = async (files: GeneratedFile[]) => ({
  native: await emittedDiagnostics(files, undefined, "native"),
  morph: await emittedDiagnostics(files, undefined, "ts-morph"),
});

describe("the native and ts-morph checkers", () => {
  const specs = [...exampleSpecs().map((e) => [e.file, e.spec] as const), ...Object.entries(VARIED_SPECS)];
  it.each(specs)("find no error in %s", async (_, spec) => {
    const { native, morph } = await both(await emitted(spec));
    expect(native).toEqual([]);
    expect(morph).toEqual([]);
  });

  const acme = exampleSpecs().find((e) => e.file === "acme.json")!.spec;
  const breaks: [string, (f: GeneratedFile[]) => GeneratedFile[]][] = [
    ["a wrong return type", (f) => broken(f, "acme-llm.ts", /return "[a-z-]+";/, "return 42;")],
    ["a missing import", (f) => broken(f, "acme-llm.test.ts", 'from "./acme-llm.js"', 'from "./nowhere.js"')],
    ["a misspelt base member", (f) => broken(f, "acme-llm.test.ts", /\.invoke\(/g, ".invok(")],
    ["a syntax error", (f) => broken(f, "acme-llm.ts", "_llmType(): string {", "_llmType(): string {{")],
    ["an override of nothing", (f) => broken(f, "acme-llm.ts", "_llmType(): string {", "_llmTyp(): string {")],
  ];
  it.each(breaks)("report %s at the same places", async (_, breakIt) => {
    const { native, morph } = await both(breakIt(await emitted(acme)));
    const where = (ds: typeof native) => ds.map((d) => ({ file: d.file, line: d.line, column: d.column, code: d.code }));
    expect(native.length).toBeGreaterThan(0);
    expect(where(native)).toEqual(where(morph));
  });
});

/** What typecheckWhileFormatting (format and check at once, as generateFiles does) reports, or undefined. */
async function overlapped(rendered: GeneratedFile[]): Promise<TypecheckError | undefined> {
  const error = await typecheckWhileFormatting(rendered, formatFiles).then(() => undefined, (e: unknown) => e);
  if (error !== undefined && !(error instanceof TypecheckError)) throw error;
  return error;
}

describe("checking while prettier formats (the check starts on the unformatted files)", () => {
  const acme = exampleSpecs().find((e) => e.file === "acme.json")!.spec;
  // One line over prettier's width, which it re-wraps; the error (no toFixed on a string) is at its end.
  const longLine = `\nexport const wrapped = ["${"a".repeat(30)}", "${"b".repeat(30)}", "${"c".repeat(30)}"].map((s) => s.toFixed(1));\n`;

  it("reports an error where it is in the formatted file, not the rendered one", async () => {
    const rendered = broken(renderFiles(validateSpec(acme), "package"), "acme-llm.ts", /$/, longLine);
    const formatted = await formatFiles(rendered);
    const expected = await emittedDiagnostics(formatted, undefined, "native");
    const unformatted = await emittedDiagnostics(rendered, undefined, "native");
    expect(expected).toHaveLength(1);
    // Not vacuous: the two texts place the error differently.
    expect(unformatted.map((d) => [d.line, d.column])).not.toEqual(expected.map((d) => [d.line, d.column]));
    expect((await overlapped(rendered))?.diagnostics).toEqual(expected);
  });

  it("with a @ts- directive, checks the formatted files only (prettier can move what a directive is about)", async () => {
    // Unformatted, the error (a string is no number) is on the line after the directive; prettier puts
    // each argument on a line of its own, where the directive does not reach.
    const directive = `\n// @ts-expect-error\nexport const moved = Math.max(1, "${"x".repeat(90)}");\n`;
    const rendered = broken(renderFiles(validateSpec(acme), "package"), "acme-llm.ts", /$/, directive);
    expect(await emittedDiagnostics(rendered, undefined, "native")).toEqual([]);
    const expected = await emittedDiagnostics(await formatFiles(rendered), undefined, "native");
    expect(expected.length).toBeGreaterThan(0);
    expect((await overlapped(rendered))?.diagnostics).toEqual(expected);
  });

  it("recovers from a compiler process that died: the check is repeated with a new one", async () => {
    const rendered = renderFiles(validateSpec(acme), "package");
    await typecheckWhileFormatting(rendered, formatFiles);
    // This test process's compiler children (`tsgo --api …`), killed as a crash would end them.
    const children = spawnSync("pgrep", ["-P", String(process.pid)], { encoding: "utf8" }).stdout.trim().split("\n");
    const compilers = children.filter((pid) => {
      const args = spawnSync("cat", [`/proc/${pid}/cmdline`], { encoding: "utf8" }).stdout;
      return args.split("\0").includes("--api");
    });
    expect(compilers.length).toBeGreaterThan(0);
    for (const pid of compilers) process.kill(Number(pid), "SIGKILL");
    expect(await typecheckWhileFormatting(rendered, formatFiles)).toEqual(await formatFiles(rendered));
    expect(await emittedDiagnostics(await formatFiles(rendered), undefined, "native")).toEqual([]);
  });

  it("passes what passes, and returns the formatted files", async () => {
    const rendered = renderFiles(validateSpec(acme), "package");
    expect(await typecheckWhileFormatting(rendered, formatFiles)).toEqual(await formatFiles(rendered));
  });
});

describe("without the native binary (a platform it does not ship for)", () => {
  const dir = repoTempDir("no-native");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the CLI checks with ts-morph instead; asked for native by name, it fails and writes nothing", () => {
    const hide = ["--import", join(REPO, "test/support/hide-native.mjs")];
    const imports = recordImports(join(dir, "imports.txt"));
    const good = runCli(["--spec", join(REPO, "examples/acme.json"), join(dir, "ok")], dir, imports.env, [...hide, ...imports.nodeArgs]);
    expect(good.stderr).toBe("");
    expect(good.status).toBe(0);
    expect(imports.read().some((url) => url.includes("/node_modules/ts-morph/"))).toBe(true);
    expect(readdirSync(join(dir, "ok", "src")).sort()).toEqual(["acme-llm.test.ts", "acme-llm.ts", "index.ts"]);
    // Asked for by name, the missing binary is an error rather than a silent fallback.
    mkdirSync(join(dir, "strict"));
    const strict = runCli(["--spec", join(REPO, "examples/acme.json"), join(dir, "strict", "out")], dir, { CREATE_CUSTOM_LLM_CHECKER: "native" }, hide);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/Unable to resolve @typescript\/typescript-/);
    expect(readdirSync(join(dir, "strict"))).toEqual([]);
  });
});

describe("the native checker's temp folder", () => {
  const dir = repoTempDir("check-folder");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is removed when the CLI exits, with any a killed process left behind", () => {
    // A pid that surely ended: a process that ran and exited.
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    const orphan = join(tmpdir(), `create-custom-llm-check-${dead}-test`);
    mkdirSync(orphan, { recursive: true });
    const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith("create-custom-llm-check-")));
    const run = runCli(["--spec", join(REPO, "examples/minimal.json"), join(dir, "out")], dir);
    expect(run.status).toBe(0);
    expect(existsSync(orphan)).toBe(false);
    const after = readdirSync(tmpdir()).filter((n) => n.startsWith("create-custom-llm-check-") && !before.has(n));
    expect(after).toEqual([]);
  });
});
