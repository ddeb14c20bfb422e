// Our own templates, compiled at build time (scripts/precompile-templates.mjs writes
// dist/precompiled-templates.cjs): compiling them was most of a cold render, and again the first time a
// process renders another transport (docs/performance.md). An entry is used only for the exact source
// text it was compiled from, by the Handlebars that compiled it, so a stale file is slower, never wrong.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../paths.js";

/** What Handlebars' `template()` takes: the object literal `precompile()` returns as source. */
export type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/** The file's shape: written by scripts/precompile-templates.mjs. */
export interface PrecompiledFile {
  handlebars: string;
  /** By path under templates/, e.g. `wrapper/llm.ts.hbs`. */
  templates: Record<string, { source: string; spec: TemplateSpec }>;
}

export function precompiledPath(): string {
  return join(packageRoot(), "dist", "precompiled-templates.cjs");
}

let loaded: PrecompiledFile["templates"] | undefined;

function load(): PrecompiledFile["templates"] {
  if (loaded) return loaded;
  loaded = {};
  const file = precompiledPath();
  if (!existsSync(file)) return loaded;
  try {
    // require: rendering is synchronous, and the specs hold functions, so the file is JavaScript.
    const read = createRequire(import.meta.url)(file) as PrecompiledFile;
    if (read.handlebars === Handlebars.VERSION) loaded = read.templates;
  } catch {
    // unreadable: compile everything, as without the file
  }
  return loaded;
}

/** The precompiled spec of our template `name` (a path under templates/), if made from exactly `source`. */
export function precompiled(name: string, source: string): TemplateSpec | undefined {
  const table = load();
  const entry = Object.hasOwn(table, name) ? table[name] : undefined;
  return entry?.source === source ? entry.spec : undefined;
}
