import { describe, expect, it } from "vitest";
import { identifier, jsdocCode, jsdocText, markdownInline, tsLiteral } from "../src/render/helpers.js";

const AWKWARD = ["*/", "`${x}`", '"\'\\', "line\nbreak\r\n", "\u2028\u2029", "🚀 ünï", "\u0000\u001b", "{{x}}"];

describe("template helpers", () => {
  it.each(AWKWARD)("tsLiteral(%j) evaluates back to the same value", (value) => {
    expect(new Function(`return ${tsLiteral(value)};`)()).toBe(value);
    expect(new Function(`return ${tsLiteral([value])};`)()).toEqual([value]);
  });

  it("jsdocText cannot close the comment, and keeps every line inside it", () => {
    const text = jsdocText("a */ b\nc\r\nd");
    expect(text).not.toContain("*/");
    expect(text).toBe("a *\\/ b\n * c\n * d");
  });

  it("jsdocText keeps an @ from starting a tag", () => {
    expect(jsdocText("@param x\nmail a@b.c")).toBe("\\@param x\n * mail a@b.c");
  });

  it("jsdocCode keeps code as written, an @ too, but cannot close the comment", () => {
    expect(jsdocCode('"@acme/langchain-acme-llm"')).toBe('"@acme/langchain-acme-llm"');
    expect(jsdocCode('"a */ b"')).toBe('"a *\\/ b"');
  });

  it("jsdocText escapes control characters instead of emitting them", () => {
    expect(jsdocText("a\u0000b\u2028c")).toBe("a\\u0000b\\u2028c");
  });

  it("identifier refuses what is not a safe identifier", () => {
    expect(identifier("maxTokens")).toBe("maxTokens");
    expect(() => identifier("class")).toThrow(/internal/);
    expect(() => identifier("a-b")).toThrow(/internal/);
  });

  it("markdownInline keeps a table row on one line", () => {
    expect(markdownInline("a | b\nc")).toBe("a \\| b c");
  });
});
