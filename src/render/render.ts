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
import { exportDeclarations, helperExports, HELPER_PARTIALS, HELPERS_TEMPLATE, importHelpers } from "./shared-helpers.js";

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
  /** The module the repo's wrappers share their helpers from (config `sharedHelpers`), if it has one. */
  sharedHelpers?: { path: string; classImport: string };
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

/**
 * `importFrom`: what `import { X } from …` names in docs and examples; `repoModule`: the class's path in a
 * repo; `sharedHelpers`: the class imports its helpers from the repo's shared module.
 */
type TemplateContext = RenderContext & PackageContext & { importFrom: string; repoModule: string | false; sharedHelpers: boolean };
type Compiled = (ctx: TemplateContext) => string;
type Engine = ReturnType<typeof createHandlebars>;
/**
 * One Handlebars per templates folder (tests render a broken copy), and one more where the helper partials
 * are blank: a class whose helpers come from the repo's shared module.
 */
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

/**
 * Registers every file under `<dir>/partials` by its path without `.hbs`, e.g. `class/http-provider`;
 * `blankHelpers`: those under `partials/helpers/` render nothing.
 */
function registerPartials(engine: Engine, dir: string, blankHelpers: boolean): void {
  for (const name of templateFiles(join(dir, "partials"))) {
    const partial = name.slice(0, -".hbs".length);
    const blank = blankHelpers && partial.startsWith(`${HELPER_PARTIALS}/`);
    engine.registerPartial(partial, blank ? "" : ourTemplate(engine, dir, `partials/${name}`));
  }
}

function engineFor(dir: string, blankHelpers = false): Engine {
  const key = `${blankHelpers ? "blank helpers:" : ""}${dir}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = createHandlebars();
    registerPartials(engine, dir, blankHelpers);
    engines.set(key, engine);
  }
  return engine;
}

/**
 * Override templates get a Handlebars of their own: our partials, then the repo's (`partials/<name>.hbs`,
 * used as `{{> name}}`, replacing ours of the same name), so one repo's partials never leak into another's
 * output or into ours.
 */
function overrideHandlebars(dir: string, overrideDir: string, blankHelpers: boolean): Engine {
  const own = createHandlebars();
  registerPartials(own, dir, blankHelpers);
  const repoPartials = join(overrideDir, "partials");
  if (existsSync(repoPartials)) {
    for (const file of readdirSync(repoPartials).filter((f) => f.endsWith(".hbs"))) {
      own.registerPartial(basename(file, ".hbs"), readFileSync(join(repoPartials, file), "utf8"));
    }
  }
  return own;
}

/** `ours` caches by engine too: a template compiled with blank helper partials keeps them blank. */
const compiledBy = new WeakMap<Engine, Map<string, Compiled>>();

function ours(engine: Engine, dir: string, name: string): Compiled {
  let cache = compiledBy.get(engine);
  if (!cache) compiledBy.set(engine, (cache = new Map()));
  let fn = cache.get(name);
  if (!fn) {
    fn = ourTemplate(engine, dir, name);
    cache.set(name, fn);
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
  const shared = mode === "wrapper" ? options.layout?.sharedHelpers : undefined;
  const ctx: TemplateContext = { ...base, ...layout, ...pkg, ...where, sharedHelpers: shared !== undefined };
  // Built once per call and kind of engine, on the first override it renders.
  const overrideEngines = new Map<boolean, Engine>();
  const overrideEngine = (overrideDir: string, blankHelpers: boolean): Engine => {
    let engine = overrideEngines.get(blankHelpers);
    if (!engine) overrideEngines.set(blankHelpers, (engine = overrideHandlebars(dir, overrideDir, blankHelpers)));
    return engine;
  };
  const render = (template: string, path: string, blankHelpers: boolean): GeneratedFile => {
    const { overrideDir } = options;
    const override = overrideDir ? join(overrideDir, template) : undefined;
    const useOverride = overrideDir !== undefined && override !== undefined && existsSync(override);
    try {
      if (!useOverride) return { path, contents: ours(engineFor(dir, blankHelpers), dir, template)(ctx) };
      return { path, contents: compileOverride(override, overrideEngine(overrideDir, blankHelpers))(ctx), override };
    } catch (error) {
      const what = useOverride ? `override template ${override}` : `internal: template ${template}`;
      throw new Error(`${what} failed to render: ${(error as Error).message}`, { cause: error });
    }
  };
  const kind = modelKind(spec.kind);
  const helpers = shared && render(HELPERS_TEMPLATE, shared.path, false);
  const files = templatesFor(kind)
    .filter((t) => t.modes.includes(mode))
    .map((t) => {
      let file = render(t.template, options.layout?.paths[t.template] ?? t.output(ctx), shared !== undefined);
      if (shared && helpers && t.template === kind.templates.class) {
        file = { ...file, contents: importHelpers(file.contents, helperExports(helpers.contents), shared.classImport) };
      }
      options.onFile?.(file);
      return file;
    });
  if (!helpers) return files;
  const module = { ...helpers, contents: exportDeclarations(helpers.contents) };
  options.onFile?.(module);
  return [...files, module];
}
