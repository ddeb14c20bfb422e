import { addLicenseHeader, applyConfigToSpec, wrapperLayout } from "./config/apply-config.js";
import { loadConfig, type LoadedConfig } from "./config/load-config.js";
import { MODEL_KINDS } from "./kinds/index.js";
import { modelKind } from "./kinds/index.js";
import type { PackageOptions } from "./package/package-options.js";
import type { SpecInput } from "./spec/schema.js";
import { formatFiles, formatSoon } from "./format/format.js";
import { renderFiles, type GeneratedFile, type OutputMode } from "./render/render.js";
import { startChecker } from "./check/check-thread.js";
import { TypecheckError } from "./check/typecheck-error.js";
import { recordFile } from "./record/record.js";
import { validateSpec } from "./validate/validate-spec.js";
import { writeFiles, type WriteOptions } from "./write/write-files.js";
import { filesBesideSharedModule } from "./write/shared-module.js";
import { SpecError } from "./validate/spec-error.js";

export interface GenerateOptions extends PackageOptions {
  mode?: OutputMode;
  /** Where templates are read from; tests point it at a deliberately broken copy. */
  templatesDir?: string;
  /** Where the spec came from, for error messages, e.g. a file name. */
  source?: string;
  /**
   * A repo's conventions (wrapper mode): folders, file naming, class suffix, license header, default
   * params and secrets, template overrides. The in-thread check then resolves from `config.root`.
   */
  config?: LoadedConfig;
}

/** Prettier, and the check alongside it. */
async function formatAndCheck(rendered: readonly GeneratedFile[], repo?: string): Promise<GeneratedFile[]> {
  const { typecheckWhileFormatting } = await import("./check/typecheck.js");
  return typecheckWhileFormatting(rendered, formatFiles, repo);
}

/**
 * The whole pipeline but the write: validate → render → prettier, type-checked alongside. Throws
 * SpecError for bad input and TypecheckError for emitted code that does not compile; returns the files,
 * the generation's record last (src/record/record.ts: what `update` merges from).
 */
export async function generateFiles(input: unknown, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  startChecker(); // the compiler loads in its thread while this one renders
  // The year is fixed here, not at render time, so the record can regenerate the same LICENSE next year.
  const mode = outputMode(options);
  const pkg = mode === "package" ? { packageScope: options.packageScope, author: options.author, year: options.year ?? new Date().getFullYear() } : undefined;
  // Prettier starts on each file as it is rendered; formatAndCheck takes the results up.
  const files = renderSpec(input, { ...options, ...pkg }, formatSoon);
  let checked: GeneratedFile[];
  try {
    checked = await formatAndCheck(files, options.config?.root);
  } catch (error) {
    // The diagnostics are located in the formatted files, whose paths and overrides are those of `files`.
    throw error instanceof TypecheckError ? pointAtOverrides(error, files) : error;
  }
  const className = validateSpec(options.config ? applyConfigToSpec(input, options.config) : input, options.source).name;
  return [...checked, recordFile(className, input, mode, pkg && withoutUndefined(pkg), checked)];
}

/** Conventions are for adding a wrapper to a repo; a package keeps its own fixed layout. */
function outputMode(options: GenerateOptions): OutputMode {
  const mode = options.mode ?? (options.config ? "wrapper" : "package");
  if (options.config && mode !== "wrapper") throw new Error('internal: a repo config applies only to mode "wrapper"');
  return mode;
}

const withoutUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** Validates and renders: the files before prettier, with a repo's conventions applied (wrapper mode). */
export function renderSpec(input: unknown, options: GenerateOptions = {}, onFile?: (file: GeneratedFile) => void): GeneratedFile[] {
  const { config } = options;
  const mode = outputMode(options);
  const spec = validateSpec(config ? applyConfigToSpec(input, config) : input, options.source);
  const header = config?.licenseHeader;
  const layout = config ? wrapperLayout(spec.name, config, modelKind(spec.kind).templates) : undefined;
  const shared = layout?.sharedHelpers?.path;
  if (config && layout && shared !== undefined && Object.values(layout.paths).includes(shared)) {
    const why = `its file ${shared} is the module the repo's wrappers share their helpers from (${config.source} "sharedHelpers"); choose another name`;
    throw new SpecError([{ path: "name", message: why }], options.source);
  }
  const rendered = renderFiles(spec, mode, options.templatesDir, {
    package: options,
    layout,
    overrideDir: config?.templatesDir,
    onFile: onFile && ((file) => onFile(addLicenseHeader([file], header)[0]!)),
  });
  return addLicenseHeader(rendered, header);
}

/**
 * What generateFiles does first, done for `spec` in the background and thrown away: compiles the
 * templates, starts prettier's worker and the compiler, which parses the declarations the emitted code
 * imports (@langchain/core). For the wait after the last question (src/prewarm.ts). Does not keep the
 * process alive.
 */
export async function prewarm(spec: unknown, repo?: string): Promise<void> {
  const config = repo === undefined ? undefined : loadConfig(repo);
  const files = renderSpec(spec, { config });
  const { warmChecker } = await import("./check/typecheck.js");
  await Promise.all([warmChecker(files, config?.root), formatFiles(files, true)]);
}

/** Specs that take each kind's templates through their main branches: the custom and an HTTP transport, streaming or not. */
const OVERRIDE_SAMPLES: readonly SpecInput[] = Object.values(MODEL_KINDS).flatMap(({ name: kind }) => [
  { kind, name: "SampleCheck", description: "Sample." },
  {
    kind,
    name: "SampleCheck",
    description: "Sample.",
    streaming: true,
    transport: "openai-compatible",
    params: [{ name: "model", type: "string", default: "m", description: "Model." }],
    secrets: [{ name: "apiKey", env: "SAMPLE_API_KEY", description: "Key." }],
  },
]);

/**
 * Renders a repo's override templates with sample specs, so that one which does not parse, or names a
 * value or partial that does not exist, is reported before the first question rather than after the
 * last. A sample the repo's own defaults make invalid is skipped: that is the spec's problem, not the
 * template's, and is reported where it is typed.
 */
export function checkOverrides(config: LoadedConfig): void {
  if (!config.templatesDir) return;
  for (const sample of OVERRIDE_SAMPLES) {
    try {
      validateSpec(applyConfigToSpec(sample, config));
    } catch {
      continue;
    }
    renderSpec(sample, { config });
  }
}

/** Diagnostics in a file an override template produced name that template: that is what to fix. */
function pointAtOverrides(error: TypecheckError, files: readonly GeneratedFile[]): TypecheckError {
  const overrides = new Map(files.filter((f) => f.override).map((f) => [f.path, f.override]));
  if (overrides.size === 0) return error;
  return new TypecheckError(
    error.diagnostics.map((d) => (overrides.has(d.file) ? { ...d, file: `${d.file} (rendered from override template ${overrides.get(d.file)})` } : d)),
  );
}

export type { GeneratedFile, LoadedConfig, OutputMode, PackageOptions, SpecInput };

/**
 * Generates and writes into `target`: all files or none; returns the files written. Any failure before
 * the write (bad spec, code that does not type-check) leaves the target untouched.
 */
export async function generateInto(
  target: string,
  input: unknown,
  options: GenerateOptions & WriteOptions = {},
): Promise<GeneratedFile[]> {
  const files = await generateFiles(input, options);
  const shared = options.config?.sharedHelpers;
  const write = shared ? filesBesideSharedModule(target, files, shared, options.force) : { files, replaces: [] };
  await writeFiles(target, write.files, { ...options, replaces: write.replaces });
  return write.files;
}

/**
 * Adds one wrapper (class, test, docs; no package files) to the existing repo at `repo`, following its
 * custom-llm.config.json or package.json `customLlm` conventions. What a plop action calls.
 */
export async function generateWrapperInto(
  repo: string,
  input: unknown,
  options: Omit<GenerateOptions, "mode" | "config"> & WriteOptions = {},
): Promise<GeneratedFile[]> {
  return generateInto(repo, input, { ...options, mode: "wrapper", config: loadConfig(repo) });
}
