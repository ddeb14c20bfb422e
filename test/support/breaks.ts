import { expect } from "vitest";
import { formatFiles } from "../../src/format/format.js";
import { renderFiles, type GeneratedFile } from "../../src/render/render.js";
import type { EmittedDiagnostic } from "../../src/check/typecheck-error.js";
import { validateSpec } from "../../src/validate/validate-spec.js";
import { exampleSpecs } from "./specs.js";

/** What a package-mode run emits for `spec`, formatted. */
export async function emitted(spec: unknown): Promise<GeneratedFile[]> {
  return formatFiles(renderFiles(validateSpec(spec), "package"));
}

/** Replaces `from` in one emitted file; fails the test if `from` is not there (a vacuous break). */
export function broken(files: GeneratedFile[], suffix: string, from: string | RegExp, to: string): GeneratedFile[] {
  return files.map((f) => {
    if (!f.path.endsWith(suffix)) return f;
    const contents = f.contents.replace(from, to);
    expect(contents, `${String(from)} in ${f.path}`).not.toBe(f.contents);
    return { ...f, contents };
  });
}

export const acmeSpec = () => exampleSpecs().find((e) => e.file === "acme.json")!.spec;

/** The acme example's output broken in ways a template change or an override could break it. */
export const BREAKS: [string, (f: GeneratedFile[]) => GeneratedFile[]][] = [
  ["a wrong type", (f) => broken(f, "acme-llm.ts", /return "[a-z-]+";/, "return 42;")],
  ["a missing import", (f) => broken(f, "acme-llm.test.ts", 'from "./acme-llm.js"', 'from "./nowhere.js"')],
  ["a misspelt member", (f) => broken(f, "acme-llm.test.ts", /\.invoke\(/g, ".invok(")],
  ["an override of nothing", (f) => broken(f, "acme-llm.ts", "_llmType(): string {", "_llmTyp(): string {")],
  ["a syntax error", (f) => broken(f, "acme-llm.ts", "_llmType(): string {", "_llmType(): string {{")],
  ["a missing package", (f) => broken(f, "acme-llm.ts", '"@langchain/core/language_models/llms"', '"@langchain/kore/language_models/llms"')],
];

/** Where each diagnostic is: what two checks must agree on (message wording may differ between compilers). */
export const where = (ds: readonly EmittedDiagnostic[]) => ds.map((d) => ({ file: d.file, line: d.line, column: d.column, code: d.code }));
