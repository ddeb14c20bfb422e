// The type-checker: the TypeScript compiler ts-morph ships (@ts-morph/common), in this thread, as `tsc`
// runs it. Not ts-morph's Project: it parses every file without its module format (ES module or
// CommonJS), so it resolved @langchain/core's CommonJS declarations for our ES module output.
import { join, relative } from "node:path";
import { getLibFiles, libFolderInMemoryPath, ts } from "@ts-morph/common";
import type { GeneratedFile } from "../render/render.js";
import type { CheckConfig } from "./check-config.js";
import { CheckFs, type ProbeListener } from "./check-fs.js";
import type { EmittedDiagnostic } from "./typecheck-error.js";

/** What one root and modules folder keep from one check to the next: parsed declarations, the last program. */
interface Checker {
  options: ts.CompilerOptions;
  fs: CheckFs;
  /** Declaration files by path and module format: most of a check's parsing, the same for every spec. */
  parsed: Map<string, ts.SourceFile>;
  last?: ts.Program;
}

const checkers = new Map<string, Checker>();
let libs: Map<string, string> | undefined;

function getChecker(config: CheckConfig): Checker {
  const key = `${config.root}\0${config.modules}`;
  let checker = checkers.get(key);
  if (!checker) {
    const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, config.root);
    if (errors.length > 0) throw new Error(`internal: templates/package/tsconfig.json.hbs: ${ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n")}`);
    checker = { options, fs: new CheckFs(config), parsed: new Map() };
    checkers.set(key, checker);
  }
  return checker;
}

/** The compiler's access to files: `memory` (the emitted files) first, then lib files, then check-fs. */
function compilerHost(checker: Checker, root: string, memory: ReadonlyMap<string, string>): ts.CompilerHost {
  libs ??= new Map(getLibFiles().map((f) => [`${libFolderInMemoryPath}/${f.fileName}`, f.text]));
  const { fs, parsed } = checker;
  const folders = new Set([...memory.keys()].flatMap((path) => ancestors(path, root)));
  const read = (path: string) => memory.get(path) ?? libs!.get(path) ?? fs.readFile(path);
  return {
    fileExists: (path) => memory.has(path) || libs!.has(path) || fs.fileExists(path),
    readFile: read,
    directoryExists: (path) => folders.has(path) || fs.directoryExists(path),
    getDirectories: (path) => fs.getDirectories(path),
    realpath: (path) => (memory.has(path) || libs!.has(path) ? path : fs.realpath(path)),
    getSourceFile(path, languageVersion) {
      const format = typeof languageVersion === "object" ? languageVersion.impliedNodeFormat : undefined;
      const key = `${path}\0${format}`;
      const cached = memory.has(path) ? undefined : parsed.get(key);
      if (cached) return cached;
      const text = read(path);
      if (text === undefined) return undefined;
      const file = ts.createSourceFile(path, text, languageVersion);
      if (!memory.has(path)) parsed.set(key, file);
      return file;
    },
    getDefaultLibFileName: (options) => `${libFolderInMemoryPath}/${ts.getDefaultLibFileName(options)}`,
    getDefaultLibLocation: () => libFolderInMemoryPath,
    writeFile: () => undefined,
    getCurrentDirectory: () => root,
    getCanonicalFileName: (path) => path,
    useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
    getNewLine: () => "\n",
    // As tsc: JSDoc is parsed only where it matters to types (a third of parsing time, else).
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
  };
}

/** The folders between `path` and `root`, both excluded: where in-memory files sit. */
function ancestors(path: string, root: string): string[] {
  const found: string[] = [];
  for (let dir = path.slice(0, path.lastIndexOf("/")); dir.length > root.length; dir = dir.slice(0, dir.lastIndexOf("/"))) found.push(dir);
  return found;
}

/**
 * The compiler errors in the emitted .ts files, which sit in memory under `config.root`. A new package's
 * package.json is read from `files` too: it makes the files ES modules. `listener` is told of every file
 * looked for in the modules folder (scripts/build-types.ts).
 */
export function morphDiagnostics(files: readonly GeneratedFile[], config: CheckConfig, listener?: ProbeListener): EmittedDiagnostic[] {
  const checker = getChecker(config);
  const kept = files.filter((f) => f.path.endsWith(".ts") || /(^|\/)package\.json$/.test(f.path));
  const memory = new Map(kept.map((f) => [join(config.root, f.path), f.contents]));
  const rootNames = [...memory.keys()].filter((path) => path.endsWith(".ts"));
  checker.fs.listen(listener);
  try {
    const host = compilerHost(checker, config.root, memory);
    const program = ts.createProgram({ rootNames, options: checker.options, host, oldProgram: checker.last });
    checker.last = program;
    return tscOrder(program)
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => {
        const pos = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0) : { line: 0, character: 0 };
        return {
          file: d.file ? relative(config.root, d.file.fileName) : "(unknown)",
          line: pos.line + 1,
          column: pos.character + 1,
          code: d.code,
          message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
        };
      });
  } finally {
    checker.fs.listen(undefined);
  }
}

/**
 * The diagnostics `tsc` reports, as it does: options, then syntax; only with neither, the global and then
 * the semantic ones (errors that follow from a syntax error would only be noise).
 */
function tscOrder(program: ts.Program): readonly ts.Diagnostic[] {
  const found = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics()];
  if (found.length === 0) found.push(...program.getGlobalDiagnostics());
  if (found.length === 0) found.push(...program.getSemanticDiagnostics());
  return found;
}
