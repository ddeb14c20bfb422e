import { describe, expect, it } from "vitest";
import { generateFiles } from "../src/generate.js";
import { packageContext } from "../src/package/package-options.js";
import { SpecError } from "../src/validate/spec-error.js";

describe("package options", () => {
  it("names the package langchain-<kebab>, under a scope when one is given", () => {
    expect(packageContext("acme-llm").packageName).toBe("langchain-acme-llm");
    expect(packageContext("acme-llm", { packageScope: "@acme" }).packageName).toBe("@acme/langchain-acme-llm");
    expect(packageContext("acme-llm", { packageScope: "acme" }).packageName).toBe("@acme/langchain-acme-llm");
  });

  it.each(["@Acme", "@ac me", "_acme", "@acme/x", ""])("rejects the scope %j, naming the option and the fix", (packageScope) => {
    expect(() => packageContext("acme-llm", { packageScope })).toThrow(SpecError);
    expect(() => packageContext("acme-llm", { packageScope })).toThrow(/packageScope: .*e\.g\. "@acme"/);
  });

  it("rejects a multi-line author and a bad year together", () => {
    expect(() => packageContext("x", { author: "a\nb", year: 12 })).toThrow(/2 problems[\s\S]*author:[\s\S]*year:/);
  });

  it("writes the scope into package.json, the README and the LICENSE holder", async () => {
    const files = await generateFiles({ name: "ScopedLLM", description: "d" }, { packageScope: "@acme", author: "Acme Inc.", year: 2031 });
    const text = (path: string) => files.find((f) => f.path === path)?.contents ?? "";
    expect(JSON.parse(text("package.json")).name).toBe("@acme/langchain-scoped-llm");
    expect(text("README.md")).toContain("npm install @acme/langchain-scoped-llm @langchain/core");
    expect(text("LICENSE")).toContain("Copyright (c) 2031 Acme Inc.");
  });
});
