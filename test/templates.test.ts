import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { HELPERS } from "../src/render/helpers.js";
import { REPO } from "./support/paths.js";

type Node = hbs.AST.Node & { body?: Node[]; program?: Node; inverse?: Node; path?: { original: string }; params?: Node[] };

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? templateFiles(join(dir, e.name)) : e.name.endsWith(".hbs") ? [join(dir, e.name)] : [],
  );
}

/** Every {{…}} output in a template: spec values must pass through a helper, never be printed bare. */
function bareMustaches(node: Node, found: string[] = []): string[] {
  if (node.type === "MustacheStatement") {
    const name = node.path?.original ?? "";
    if (!(name in HELPERS)) found.push(name);
  }
  for (const child of [...(node.body ?? []), node.program, node.inverse]) if (child) bareMustaches(child, found);
  return found;
}

describe("templates", () => {
  const files = templateFiles(join(REPO, "templates"));

  it("exist", () => expect(files.length).toBeGreaterThan(5));

  it.each(files.map((f) => relative(REPO, f)))("%s prints spec values only through helpers", (file) => {
    const ast = Handlebars.parse(readFileSync(join(REPO, file), "utf8")) as unknown as Node;
    expect(bareMustaches(ast)).toEqual([]);
  });

  it("the check itself catches a bare value", () => {
    expect(bareMustaches(Handlebars.parse("const x = {{name}};") as unknown as Node)).toEqual(["name"]);
  });
});
