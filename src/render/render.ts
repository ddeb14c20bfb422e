import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, sep } from "node:path";
import type { Spec } from "../spec/schema.js";
import { packageContext, type PackageContext, type PackageOptions } from "../package/package-options.js";
import { packageRoot } from "../paths.js";
import { modelKind, type ModelKind } from "../kinds/index.js";
import { llmKind } from "../kinds/llm.js";
import { buildContext, type RenderContext } from "./context.js";
import { COMPILE_OPTIONS, createHandlebars } from "./helpers.js";
import { precompiled } from "./precompiled.js";

/** One file of the output: its path relative to the target folder, and its text. */
export interface GeneratedFile {
  path: string;
  contents: string;
  /** Set when a repo's override template produced the file, so errors can point at that template. */
  override?: string;
}

/** `package`: a whole package; `wrapper`: only the class, test and docs, for an existing repo. */
export type OutputMode = "package" | "wrapper";

interface TemplateEntry {
  template: string;
  output: (ctx: RenderContext) => string;
  modes: readonly OutputMode[];
}

const BOTH: readonly OutputMode[] = ["package", "wrapper"];
const PACKAGE: readonly OutputMode[] = ["package"];

/** Which template becomes which file, for a kind of model: its class, test and docs, then the package's files. */
export function templatesFor(kind: ModelKind): readonly TemplateEntry[] {
  return [
    { template: kind.templates.class, output: (c) => `src/${c.fileBase}.ts`, modes: BOTH },
    { template: kind.templates.test, output: (c) => `src/${c.fileBase}.test.ts`, modes: BOTH },
    { template: kind.templates.docs, output: (c) => `docs/${c.fileBase}.md`, modes: BOTH },
    ...PACKAGE_TEMPLATES,
  ];
}

/** A package's own files. Dotfiles are stored without the dot: npm drops .gitignore on publish. */
const PACKAGE_TEMPLATES: readonly TemplateEntry[] = [
  { template: "package/index.ts.hbs", output: () => "src/index.ts", modes: PACKAGE },
  { template: "package/package.json.hbs", output: () => "package.json", modes: PACKAGE },
  { template: "package/tsconfig.json.hbs", output: () => "tsconfig.json", modes: PACKAGE },
  { template: "package/tsconfig.build.json.hbs", output: () => "tsconfig.build.json", modes: PACKAGE },
  { template: "package/vitest.config.ts.hbs", output: () => "vitest.config.ts", modes: PACKAGE },
  { template: "package/README.md.hbs", output: () => "README.md", modes: PACKAGE },
  { template: "package/LICENSE.hbs", output: () => "LICENSE", modes: PACKAGE },
  { template: "package/gitignore.hbs", output: () => ".gitignore", modes: PACKAGE },
  { template: "package/prettierrc.json.hbs", output: () => ".prettierrc.json", modes: PACKAGE },
  { template: "package/prettierignore.hbs", output: () => ".prettierignore", modes: PACKAGE },
];

/** The templates of an LLM's package, in output order. */
export const TEMPLATES: readonly TemplateEntry[] = templatesFor(llmKind);

export function templatesDir(): string {
  return join(packageRoot(), "templates");
}

/** Where the wrapper's three files go and how the test imports the class, per the team's conventions. */
export interface WrapperLayout {
  fileBase: string;
  classImport: string;
  /** The class module, from the repo root: what docs and examples import it as, e.g. `./lib/llms/acme.js`. */
  moduleImport: string;
  /** The class module's path in the repo, e.g. `lib/llms/acme.ts`. */
  modulePath: string;
  /** Output path by template name (relative to the templates folder). */
  paths: Record<string, string>;
}

export interface RenderOptions {
  package?: PackageOptions;
  /** A repo's conventions for file names, folders and the class import (wrapper mode). */
  layout?: WrapperLayout;
  /** A repo's folder whose files replace ours by relative name, e.g. `wrapper/docs.md.hbs`. */
  overrideDir?: string;
  /** Called with each file as soon as it is rendered, before the next one is (prettier starts on it). */
  onFile?: (file: GeneratedFile) => void;
}

/** `importFrom`: what `import { X } from …` names in docs and examples; `repoModule`: the class's path in a repo. */
type TemplateContext = RenderContext & PackageContext & { importFrom: string; repoModule: string | false };
type Compiled = (ctx: TemplateContext) => string;
type Engine = ReturnType<typeof createHandlebars>;
const compiled = new Map<string, Compiled>();
/** One Handlebars per templates folder: each has its own partials (tests render a broken copy). */
const engines = new Map<string, Engine>();

/**
 * Template `name` (a path under `dir`) of one of our template folders: precompiled when `dir` is the
 * package's own and the build compiled this very text (precompiled.ts), else compiled on first use.
 */
function ourTemplate(engine: Engine, dir: string, name: string): Compiled {
  const source = readFileSync(join(dir, name), "utf8");
  const spec = dir === templatesDir() ? precompiled(name, source) : undefined;
  return (spec ? engine.template(spec) : engine.compile(source, COMPILE_OPTIONS)) as Compiled;
}

/** Every `.hbs` file under `dir`, by its path there with `/` separators, sorted; none if `dir` is missing. */
export function templateFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".hbs"))
    .map((file) => file.split(sep).join("/"))
    .sort();
}

/** Registers every file under `<dir>/partials` by its path without `.hbs`, e.g. `class/http-provider`. */
function registerPartials(engine: Engine, dir: string): void {
  for (const name of templateFiles(join(dir, "partials"))) {
    engine.registerPartial(name.slice(0, -".hbs".length), ourTemplate(engine, dir, `partials/${name}`));
  }
}

function engineFor(dir: string): Engine {
  let engine = engines.get(dir);
  if (!engine) {
    engine = createHandlebars();
    registerPartials(engine, dir);
    engines.set(dir, engine);
  }
  return engine;
}

/**
 * Override templates get a Handlebars of their own: our partials, then the repo's (`partials/<name>.hbs`,
 * used as `{{> name}}`, replacing ours of the same name), so one repo's partials never leak into another's
 * output or into ours.
 */
function overrideHandlebars(dir: string, overrideDir: string): Engine {
  const own = createHandlebars();
  registerPartials(own, dir);
  const repoPartials = join(overrideDir, "partials");
  if (existsSync(repoPartials)) {
    for (const file of readdirSync(repoPartials).filter((f) => f.endsWith(".hbs"))) {
      own.registerPartial(basename(file, ".hbs"), readFileSync(join(repoPartials, file), "utf8"));
    }
  }
  return own;
}

function ours(engine: Engine, dir: string, name: string): Compiled {
  const file = join(dir, name);
  let fn = compiled.get(file);
  if (!fn) {
    fn = ourTemplate(engine, dir, name);
    compiled.set(file, fn);
  }
  return fn;
}

/** Overrides are compiled afresh each time: a repo's templates are edited between runs of one process. */
function compileOverride(file: string, engine: Engine): Compiled {
  return engine.compile(readFileSync(file, "utf8"), COMPILE_OPTIONS) as Compiled;
}

/** Renders a validated spec to unformatted files. `dir` lets tests render a deliberately broken template set. */
export function renderFiles(spec: Spec, mode: OutputMode = "package", dir = templatesDir(), options: RenderOptions = {}): GeneratedFile[] {
  const base = buildContext(spec);
  const layout = options.layout ? { fileBase: options.layout.fileBase, classImport: options.layout.classImport } : {};
  const pkg = packageContext(base.fileBase, options.package);
  // In a repo the class is imported from its module there; a package is imported by its name.
  const where = { importFrom: options.layout?.moduleImport ?? pkg.packageName, repoModule: options.layout?.modulePath ?? (false as const) };
  const ctx: TemplateContext = { ...base, ...layout, ...pkg, ...where };
  const own = engineFor(dir);
  const engine = options.overrideDir ? overrideHandlebars(dir, options.overrideDir) : own;
  return templatesFor(modelKind(spec.kind)).filter((t) => t.modes.includes(mode)).map((t) => {
    const override = options.overrideDir ? join(options.overrideDir, t.template) : undefined;
    const useOverride = override !== undefined && existsSync(override);
    const path = options.layout?.paths[t.template] ?? t.output(ctx);
    try {
      const contents = useOverride ? compileOverride(override, engine)(ctx) : ours(own, dir, t.template)(ctx);
      const file = useOverride ? { path, contents, override } : { path, contents };
      options.onFile?.(file);
      return file;
    } catch (error) {
      const what = useOverride ? `override template ${override}` : `internal: template ${t.template}`;
      throw new Error(`${what} failed to render: ${(error as Error).message}`, { cause: error });
    }
  });
}
