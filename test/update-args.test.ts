import { describe, expect, it } from "vitest";
import { parseCli, UsageError } from "../src/cli/args.js";

describe("parseCli: update", () => {
  it("update as the first word is the update command, with its own flags", () => {
    expect(parseCli(["update", "pkg", "-s", "v2.json", "--dry-run"])).toEqual({
      kind: "update",
      options: { dir: "pkg", specPath: "v2.json", name: undefined, all: false, adopt: false, dryRun: true, ask: false, packageScope: undefined, author: undefined, year: undefined },
    });
    expect(parseCli(["update"])).toMatchObject({ kind: "update", options: { dir: "." } });
    expect(parseCli(["update", "--all"])).toMatchObject({ kind: "update", options: { all: true } });
    expect(parseCli(["update", "pkg", "--ask"])).toMatchObject({ kind: "update", options: { dir: "pkg", ask: true } });
    expect(parseCli(["update", "--help"])).toEqual({ kind: "update-help" });
  });

  it("a folder named update is still a target when written as a path", () => {
    expect(parseCli(["./update"])).toMatchObject({ kind: "generate", options: { target: "./update" } });
  });

  it.each([
    [["update", "--all", "--spec", "v2.json"], "--all updates every recorded wrapper"],
    [["update", "--adopt"], "update --adopt needs the wrapper's spec"],
    [["update", "--ask", "--all"], "--ask asks one recorded wrapper's questions again"],
    [["update", "--scope", "@acme"], "--scope is for --adopt"],
    [["update", "a", "b"], "update takes at most one folder"],
    [["update", "--force"], "update: Unknown option '--force'"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCli(argv)).toThrow(UsageError);
    expect(() => parseCli(argv)).toThrow(message);
  });
});
