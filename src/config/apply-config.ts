import { posix } from "node:path";
import { camelCase, kebabCase } from "change-case";
import type { SpecInput } from "../spec/schema.js";
import type { GeneratedFile, WrapperLayout } from "../render/render.js";
import type { Config } from "./config-schema.js";
import type { ModelKind } from "../kinds/kind.js";
import { llmKind } from "../kinds/llm.js";

// The class name is PascalCase already; re-casing it would turn "AcmeLLM" into "AcmeLlm".
const NAMING = { kebab: kebabCase, camel: camelCase, pascal: (s: string) => s };

/** The spec with the config's suffix and defaults applied. On a name clash the spec's own entry wins. */
export function applyConfigToSpec(input: unknown, config: Config): unknown {
  if (typeof input !== "object" || input === null) return input; // validateSpec reports it
  const spec = input as SpecInput;
  const suffix = config.classSuffix;
  const name = typeof spec.name === "string" && suffix && !spec.name.endsWith(suffix) ? `${spec.name}${suffix}` : spec.name;
  const merge = <T extends { name: string }>(own: readonly T[] | undefined, defaults: readonly T[]): T[] | undefined => {
    if (!Array.isArray(own)) return own === undefined && defaults.length === 0 ? undefined : [...(own ?? []), ...defaults];
    const taken = new Set(own.map((entry) => entry.name));
    return [...own, ...defaults.filter((entry) => !taken.has(entry.name))];
  };
  return { ...spec, name, params: merge(spec.params, config.defaults.params), secrets: merge(spec.secrets, config.defaults.secrets) };
}

/**
 * `templates`: the kind's class, test and docs templates, whose output paths the conventions set (the
 * paths are the same for every kind).
 */
export function wrapperLayout(className: string, config: Config, templates: ModelKind["templates"] = llmKind.templates): WrapperLayout {
  const fileBase = NAMING[config.fileNaming](className);
  const classPath = posix.join(config.folders.class, `${fileBase}.ts`);
  const testPath = posix.join(config.folders.test, `${fileBase}.test.ts`);
  return {
    fileBase,
    classImport: importPath(config.folders.test, classPath),
    moduleImport: `./${classPath.replace(/\.ts$/, ".js")}`,
    modulePath: classPath,
    paths: {
      [templates.class]: classPath,
      [templates.test]: testPath,
      [templates.docs]: posix.join(config.folders.docs, `${fileBase}.md`),
    },
    ...(config.sharedHelpers === undefined
      ? {}
      : { sharedHelpers: { path: config.sharedHelpers, classImport: importPath(config.folders.class, config.sharedHelpers) } }),
  };
}

/** How a module in `fromFolder` imports the module at `path` (ESM needs the .js extension). */
function importPath(fromFolder: string, path: string): string {
  const relative = posix.relative(fromFolder, path).replace(/\.ts$/, ".js");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/** Prepends the team's license header to every emitted .ts file, as a block comment. */
export function addLicenseHeader(files: readonly GeneratedFile[], header: string | undefined): GeneratedFile[] {
  if (header === undefined) return [...files];
  const comment = `/*\n${header.trim().split(/\r?\n/).map((line) => ` * ${line}`.trimEnd()).join("\n")}\n */\n`;
  return files.map((f) => (f.path.endsWith(".ts") ? { ...f, contents: comment + f.contents } : f));
}
