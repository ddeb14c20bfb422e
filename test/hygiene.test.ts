import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO } from "./support/paths.js";

describe("the repository", () => {
  it("tracks no scratch files", () => {
    const tracked = spawnSync("git", ["ls-files"], { cwd: REPO, encoding: "utf8" }).stdout.split("\n");
    expect(tracked.filter((path) => /(^|\/)(\.tmp|tmp-|scratch)[^/]*$/.test(path))).toEqual([]);
  });
});
