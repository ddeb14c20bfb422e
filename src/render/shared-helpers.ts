// A repo with several wrappers can keep the helpers every wrapper carries (stop cutting, line reading,
// HttpError, redaction: templates/partials/helpers/) in one module of its own, named by its config's
// `sharedHelpers`. The class is then rendered with those partials blank and imports what it uses from
// that module, which is rendered from the same partials, each declaration exported.

/** The shared module's template, relative to the templates folder. */
export const HELPERS_TEMPLATE = "wrapper/helpers.ts.hbs";

/** The partials under `partials/<HELPER_PARTIALS>/` are the helpers the module holds. */
export const HELPER_PARTIALS = "helpers";

/** One export of the shared module: a type is imported with `type`, for `verbatimModuleSyntax`. */
export interface HelperExport {
  name: string;
  type: boolean;
}

// Top-level declarations start in the first column of the rendered (not yet formatted) module.
const DECLARATION = /^(async function\*?|function\*?|class|const|interface|type) (\w+)/gm;

/** The module's text with every top-level declaration exported. */
export function exportDeclarations(text: string): string {
  return text.replace(DECLARATION, "export $1 $2");
}

/** What the module exports, in order: `moduleText` as rendered, before exportDeclarations. */
export function helperExports(moduleText: string): HelperExport[] {
  return [...moduleText.matchAll(DECLARATION)].map((m) => ({ name: m[2]!, type: m[1] === "interface" || m[1] === "type" }));
}

// Strings and template literals are matched so that a `//` inside one is not taken for a comment.
const COMMENT_OR_STRING = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g;

/** The code without its comments: a helper a docstring names is not a use of it. */
const withoutComments = (code: string): string => code.replace(COMMENT_OR_STRING, (m) => (m.startsWith("/") ? " " : m));

/**
 * `code` (a rendered class, its helpers left out) with an import of the helpers it uses from `from`, put
 * after its last import. Only those it uses (a repo's linter flags an unused import), and none it declares
 * itself (an override template may).
 */
export function importHelpers(code: string, exports: readonly HelperExport[], from: string): string {
  const body = withoutComments(code);
  const own = new Set(helperExports(code).map((e) => e.name));
  const used = exports.filter((e) => !own.has(e.name) && new RegExp(`\\b${e.name}\\b`).test(body));
  if (used.length === 0) return code;
  const line = `import { ${used.map((e) => (e.type ? `type ${e.name}` : e.name)).join(", ")} } from ${JSON.stringify(from)};\n`;
  const imports = [...code.matchAll(/^import [^;]*;\n/gm)];
  const at = imports.length === 0 ? 0 : imports.at(-1)!.index! + imports.at(-1)![0].length;
  return code.slice(0, at) + line + code.slice(at);
}
