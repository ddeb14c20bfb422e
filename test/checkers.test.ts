// Our check (ts-morph, reading the declaration snapshot) against the emitted package's own `tsc --noEmit`
// (the TypeScript it pins, over our full node_modules): the same errors at the same places, on every
// example and on output broken in several ways. And errors are reported where they are in the files as
// written, after prettier.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatFiles } from "../src/format/format.js";
import { renderFiles, type GeneratedFile } from "../src/render/render.js";
import { toolVersions } from "../src/render/versions.js";
import { emittedDiagnostics, typecheckWhileFormatting } from "../src/check/typecheck.js";
import { TypecheckError } from "../src/check/typecheck-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { acmeSpec, BREAKS, broken, emitted, where } from "./support/breaks.js";
import { repoTempDir, TSC } from "./support/paths.js";
import { exampleSpecs } from "./support/specs.js";

const tmp = repoTempDir("checkers");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `tsc --noEmit` of `files` written as a package (inside this repo, so our node_modules resolve). */
async function tscDiagnostics(name: string, files: readonly GeneratedFile[]): Promise<ReturnType<typeof where>> {
  const dir = join(tmp, name.replace(/\W+/g, "-"));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.contents);
  }
  const child = spawn(process.execPath, [TSC, "--noEmit", "--pretty", "false", "-p", dir], { cwd: dir });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d));
  await new Promise((resolve) => child.on("close", resolve));
  // e.g. src/acme-llm.ts(147,5): error TS2322: Type 'number' is not assignable to type 'string'.
  return [...out.matchAll(/^(.+?)\((\d+),(\d+)\): error TS(\d+):/gm)].map((m) => ({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), code: Number(m[4]) }));
}

const sorted = (ds: ReturnType<typeof where>) =>
  [...ds].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code - b.code);

describe("our check and the emitted package's own tsc", () => {
  it("the emitted package pins the TypeScript the tsc here is", async () => {
    const { version } = (await import("typescript")).default;
    expect(toolVersions().typescript).toBe(version);
  });

  it.each(exampleSpecs().map((e) => [e.file, e.spec] as const))("find no error in %s", async (name, spec) => {
    const files = await emitted(spec);
    const [ours, tsc] = await Promise.all([emittedDiagnostics(files), tscDiagnostics(name, files)]);
    expect(ours).toEqual([]);
    expect(tsc).toEqual([]);
  });

  it.each(BREAKS)("report %s at the same places", async (name, breakIt) => {
    const files = breakIt(await emitted(acmeSpec()));
    const [ours, tsc] = await Promise.all([emittedDiagnostics(files), tscDiagnostics(name, files)]);
    expect(ours.length).toBeGreaterThan(0);
    // tsc lists files by name, we list them in the order they are written.
    expect(sorted(where(ours))).toEqual(sorted(tsc));
  });
});

/** What typecheckWhileFormatting (format and check, as generateFiles does) reports, or undefined. */
async function reported(rendered: GeneratedFile[]): Promise<TypecheckError | undefined> {
  const error = await typecheckWhileFormatting(rendered, formatFiles).then(() => undefined, (e: unknown) => e);
  if (error !== undefined && !(error instanceof TypecheckError)) throw error;
  return error;
}

describe("checking formatted output", () => {
  // One line over prettier's width, which it re-wraps; the error (no toFixed on a string) is at its end.
  const longLine = `\nexport const wrapped = ["${"a".repeat(30)}", "${"b".repeat(30)}", "${"c".repeat(30)}"].map((s) => s.toFixed(1));\n`;

  it("reports an error where it is in the formatted file, not the rendered one", async () => {
    const rendered = broken(renderFiles(validateSpec(acmeSpec()), "package"), "acme-llm.ts", /$/, longLine);
    const expected = await emittedDiagnostics(await formatFiles(rendered));
    const unformatted = await emittedDiagnostics(rendered);
    expect(expected).toHaveLength(1);
    // Not vacuous: the two texts place the error differently.
    expect(unformatted.map((d) => [d.line, d.column])).not.toEqual(expected.map((d) => [d.line, d.column]));
    expect((await reported(rendered))?.diagnostics).toEqual(expected);
  });

  it("with a @ts- directive, checks the formatted files only (prettier can move what a directive is about)", async () => {
    // Unformatted, the error (a string is no number) is on the line after the directive; prettier puts
    // each argument on a line of its own, where the directive does not reach.
    const directive = `\n// @ts-expect-error\nexport const moved = Math.max(1, "${"x".repeat(90)}");\n`;
    const rendered = broken(renderFiles(validateSpec(acmeSpec()), "package"), "acme-llm.ts", /$/, directive);
    expect(await emittedDiagnostics(rendered)).toEqual([]);
    const expected = await emittedDiagnostics(await formatFiles(rendered));
    expect(expected.length).toBeGreaterThan(0);
    expect((await reported(rendered))?.diagnostics).toEqual(expected);
  });

  it("passes what passes, and returns the formatted files", async () => {
    const rendered = renderFiles(validateSpec(acmeSpec()), "package");
    expect(await typecheckWhileFormatting(rendered, formatFiles)).toEqual(await formatFiles(rendered));
  });
});
