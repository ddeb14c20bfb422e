import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO } from "./support/paths.js";

describe("plopfile.ts", () => {
  it("is type-strippable, so Node >= 22.18 loads it without tsx", () => {
    const file = join(REPO, "plopfile.ts");
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ["node"],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      // What Node's type stripping needs: no enums, namespaces or parameter properties, and type-only
      // imports marked as such.
      erasableSyntaxOnly: true,
      verbatimModuleSyntax: true,
    });
    const diagnostics = [...program.getSyntacticDiagnostics(program.getSourceFile(file)), ...program.getSemanticDiagnostics(program.getSourceFile(file))];
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });
});
