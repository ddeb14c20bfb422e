// The check of formatted output: errors are reported where they are in the files as written.
import { describe, expect, it } from "vitest";
import { formatFiles } from "../src/render/format.js";
import { renderFiles, type GeneratedFile } from "../src/render/render.js";
import { emittedDiagnostics, typecheckWhileFormatting } from "../src/validate/typecheck.js";
import { TypecheckError } from "../src/validate/typecheck-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { exampleSpecs } from "./support/specs.js";

/** Replaces `from` in one emitted file; fails the test if `from` is not there (a vacuous break). */
function broken(files: GeneratedFile[], suffix: string, from: string | RegExp, to: string): GeneratedFile[] {
  return files.map((f) => {
    if (!f.path.endsWith(suffix)) return f;
    const contents = f.contents.replace(from, to);
    expect(contents, `${String(from)} in ${f.path}`).not.toBe(f.contents);
    return { ...f, contents };
  });
}

/** What typecheckWhileFormatting (format and check at once, as generateFiles does) reports, or undefined. */
async function overlapped(rendered: GeneratedFile[]): Promise<TypecheckError | undefined> {
  const error = await typecheckWhileFormatting(rendered, formatFiles).then(() => undefined, (e: unknown) => e);
  if (error !== undefined && !(error instanceof TypecheckError)) throw error;
  return error;
}

describe("checking formatted output", () => {
  const acme = exampleSpecs().find((e) => e.file === "acme.json")!.spec;
  // One line over prettier's width, which it re-wraps; the error (no toFixed on a string) is at its end.
  const longLine = `\nexport const wrapped = ["${"a".repeat(30)}", "${"b".repeat(30)}", "${"c".repeat(30)}"].map((s) => s.toFixed(1));\n`;

  it("reports an error where it is in the formatted file, not the rendered one", async () => {
    const rendered = broken(renderFiles(validateSpec(acme), "package"), "acme-llm.ts", /$/, longLine);
    const formatted = await formatFiles(rendered);
    const expected = await emittedDiagnostics(formatted);
    const unformatted = await emittedDiagnostics(rendered);
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
    expect(await emittedDiagnostics(rendered)).toEqual([]);
    const expected = await emittedDiagnostics(await formatFiles(rendered));
    expect(expected.length).toBeGreaterThan(0);
    expect((await overlapped(rendered))?.diagnostics).toEqual(expected);
  });

  it("passes what passes, and returns the formatted files", async () => {
    const rendered = renderFiles(validateSpec(acme), "package");
    expect(await typecheckWhileFormatting(rendered, formatFiles)).toEqual(await formatFiles(rendered));
  });
});
