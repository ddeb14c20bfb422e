import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./support/paths.js";

// The worker runs from the built package (the CLI's path), so this imports dist/, built by `pretest`.
const { startBackgroundTypecheck } = (await import(join(REPO, "dist/src/validate/typecheck-in-worker.js"))) as typeof import("../src/validate/typecheck-in-worker.js");
const { TypecheckError } = (await import(join(REPO, "dist/src/validate/typecheck-error.js"))) as typeof import("../src/validate/typecheck-error.js");

describe("the background type-check", () => {
  it("passes good code and reports bad code by file and line, then closes", async () => {
    const typecheck = startBackgroundTypecheck();
    try {
      const good = 'import { LLM } from "@langchain/core/language_models/llms";\nexport type X = LLM;\n';
      await expect(typecheck.check([{ path: "src/good.ts", contents: good }])).resolves.toBeUndefined();
      const error = await typecheck.check([{ path: "src/bad.ts", contents: "export const x = 1;\nexport const y: string = x;\n" }]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypecheckError);
      expect((error as InstanceType<typeof TypecheckError>).diagnostics).toEqual([
        expect.objectContaining({ file: "src/bad.ts", line: 2, code: 2322 }),
      ]);
    } finally {
      await typecheck.close();
    }
  });
});
