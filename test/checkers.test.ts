// Our check (ts-morph, reading the declaration snapshot) against the emitted package's own `tsc --noEmit`
// (the TypeScript it pins, over our full node_modules): the same errors at the same places on output
// broken in several ways (on valid output, both find none: test/generate.test.ts). And errors are
// reported where they are in the files as written, after prettier.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
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

const tmp = repoTempDir("checkers");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Where = ReturnType<typeof where>;

/**
 * Each package's errors under its own `tsc` and tsconfig: the packages written into one folder (inside
 * this repo, so our node_modules resolve) and built by one `tsc -b` (which checks each project as
 * `tsc -p` does, in one process). By package name.
 */
async function tscDiagnostics(packages: readonly { name: string; files: readonly GeneratedFile[] }[]): Promise<Map<string, Where>> {
  const root = join(tmp, `tsc-${packages.length}-${packages[0]!.name.replace(/\W+/g, "-")}`);
  const folders = packages.map(({ name, files }) => {
    const folder = name.replace(/\W+/g, "-");
    for (const f of files) {
      mkdirSync(dirname(join(root, folder, f.path)), { recursive: true });
      writeFileSync(join(root, folder, f.path), f.contents);
    }
    return folder;
  });
  const run = promisify(execFile)(process.execPath, [TSC, "-b", "--pretty", "false", ...folders], { cwd: root, encoding: "utf8" });
  // tsc exits non-zero on errors, which are what some tests look for.
  const out = await run.then((r) => r.stdout, (e: { stdout?: string }) => e.stdout ?? "");
  const found = new Map<string, Where>(packages.map((p) => [p.name, []]));
  // e.g. acme-llm/src/acme-llm.ts(147,5): error TS2322: Type 'number' is not assignable to type 'string'.
  for (const m of out.matchAll(/^([^/\n]+)\/(.+?)\((\d+),(\d+)\): error TS(\d+):/gm)) {
    const name = packages[folders.indexOf(m[1]!)]?.name;
    if (name === undefined) throw new Error(`tsc reported a file of no package: ${m[0]}`);
    found.get(name)!.push({ file: m[2]!, line: Number(m[3]), column: Number(m[4]), code: Number(m[5]) });
  }
  const unparsed = out.split("\n").filter((line) => line.includes("error TS") && !/^[^/\n]+\/.+?\(\d+,\d+\): error TS/.test(line));
  if (unparsed.length > 0) throw new Error(`tsc errors outside the emitted files:\n${unparsed.join("\n")}`);
  return found;
}

const sorted = (ds: Where) =>
  [...ds].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code - b.code);

describe("our check and the emitted package's own tsc", () => {
  it("the emitted package pins the TypeScript the tsc here is", async () => {
    const { version } = (await import("typescript")).default;
    expect(toolVersions().typescript).toBe(version);
  });

  // That both find no error in any example or varied spec: test/generate.test.ts (ours passes for each
  // case it generates; one `tsc -b` then checks every generated package).

  it("report each break at the same places", async () => {
    const acme = await emitted(acmeSpec());
    const packages = BREAKS.map(([name, breakIt]) => ({ name, files: breakIt(acme) }));
    const tsc = await tscDiagnostics(packages);
    for (const { name, files } of packages) {
      const ours = await emittedDiagnostics(files);
      expect(ours.length, name).toBeGreaterThan(0);
      // tsc lists files by name, we list them in the order they are written.
      expect(sorted(where(ours)), name).toEqual(sorted(tsc.get(name)!));
    }
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
