/** One compiler error in emitted code, located in the emitted file. */
export interface EmittedDiagnostic {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
}

/** The emitted code does not type-check: always a bug of the generator (or of a user's template override). */
export class TypecheckError extends Error {
  readonly diagnostics: readonly EmittedDiagnostic[];

  constructor(diagnostics: readonly EmittedDiagnostic[]) {
    const lines = diagnostics.map((d) => `  ${d.file}:${d.line}:${d.column} TS${d.code}: ${d.message}`);
    super(`The generated code does not type-check; nothing was written.\n${lines.join("\n")}`);
    this.name = "TypecheckError";
    this.diagnostics = diagnostics;
  }
}
