import type { PackageOptions } from "../package/package-options.js";
import { SpecError, type SpecIssue } from "../validate/spec-error.js";
import type { CliOptions } from "./args.js";

const FLAG: Record<string, string> = { packageScope: "--scope", author: "--author", year: "--year" };

/**
 * --scope, --author and --year as generateFiles takes them, checked by the package's own rules before any
 * question is asked or any work done. Throws a SpecError (exit 2) naming each bad flag and its fix.
 */
export async function packageFlags(options: Pick<CliOptions, "packageScope" | "author" | "year">): Promise<PackageOptions> {
  const issues: SpecIssue[] = [];
  let year: number | undefined;
  if (options.year !== undefined) {
    // Number() would take "2e3" or " 2026"; a year on the command line is four digits.
    if (/^\d{4}$/.test(options.year)) year = Number(options.year);
    else issues.push({ path: "--year", message: `${JSON.stringify(options.year)} is not a year: use four digits, e.g. --year 2026` });
  }
  const { packageScope, author } = options;
  const { packageContext } = await import("../package/package-options.js");
  try {
    packageContext("x", { packageScope, author, year });
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    issues.push(...error.issues.map((i) => ({ ...i, path: FLAG[i.path] ?? i.path })));
  }
  if (issues.length > 0) throw new SpecError(issues, "package flags");
  return { packageScope, author, year };
}
