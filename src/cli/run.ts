import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { kebabCase } from "change-case";
import { generateFiles, type GeneratedFile } from "../generate.js";
import { SpecError } from "../validate/spec-error.js";
import { startBackgroundTypecheck } from "../validate/typecheck-in-worker.js";
import { TypecheckError } from "../validate/typecheck-error.js";
import { existingFiles, TargetNotEmptyError, writeFiles } from "../write/write-files.js";

export interface RunOptions {
  specPath: string;
  /** Replaces the spec's `transport` (validated with the rest of the spec). */
  transport?: string;
  target?: string;
  force: boolean;
  dryRun: boolean;
}

/** Reads the spec, generates, writes; reports to the terminal and returns the exit code. */
export async function run(options: RunOptions): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  // Started first: loading TypeScript in parallel is most of what makes a cold run fast.
  const typecheck = startBackgroundTypecheck();
  try {
    return await generateAndReport(options, typecheck.check, out, err);
  } finally {
    await typecheck.close();
  }
}

async function generateAndReport(
  options: RunOptions,
  typecheck: (files: readonly GeneratedFile[]) => Promise<void>,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let spec: unknown;
  try {
    spec = JSON.parse(readFileSync(options.specPath, "utf8"));
    if (options.transport !== undefined && typeof spec === "object" && spec !== null) spec = { ...spec, transport: options.transport };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(code === "ENOENT" ? `Spec file not found: ${options.specPath}` : `Cannot read spec ${options.specPath}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const files = await generateFiles(spec, { source: options.specPath, typecheck });
    const name = typeof spec === "object" && spec && "name" in spec ? String(spec.name) : "llm";
    const target = resolve(options.target ?? kebabCase(name));
    const shown = relative(process.cwd(), target) || ".";
    if (options.dryRun) {
      const existing = new Set(existingFiles(target, files));
      out(`Would write ${files.length} files to ${shown}:`);
      for (const f of files) out(`  ${f.path}${existing.has(f.path) ? " (exists)" : ""}`);
      return 0;
    }
    await writeFiles(target, files, { force: options.force });
    out(`Wrote ${files.length} files to ${shown}:`);
    for (const f of files) out(`  ${f.path}`);
    out(`\nNext:\n  cd ${shown}\n  npm install\n  npm test`);
    return 0;
  } catch (error) {
    if (error instanceof SpecError || error instanceof TargetNotEmptyError) {
      err(error.message);
      return 2;
    }
    if (error instanceof TypecheckError) {
      err(`${error.message}\nThis is a bug in create-custom-llm (or in a template override); please report it with your spec.`);
      return 1;
    }
    throw error;
  }
}
