import { SpecError, type SpecIssue } from "../validate/spec-error.js";

/** Options of the emitted package (package mode only); the CLI will take them as flags or prompts. */
export interface PackageOptions {
  /** npm scope, e.g. "@acme" or "acme": the package becomes `@acme/langchain-<kebab>`. */
  packageScope?: string;
  /** Copyright holder in LICENSE and `author` in package.json. */
  author?: string;
  /** Copyright year in LICENSE; default: the current year. */
  year?: number;
}

/** What the package templates see beside the spec's context. */
export interface PackageContext {
  packageName: string;
  author: string;
  year: number;
}

// npm's rule for the scope part of a name: lower-case, URL-safe, no leading dot or underscore.
const SCOPE = /^@?[a-z0-9-~][a-z0-9-._~]*$/;

/** Why `scope` is not an npm scope (with the fix), or undefined when it is one. */
export function scopeIssue(scope: string): SpecIssue | undefined {
  if (!SCOPE.test(scope)) {
    return { path: "packageScope", message: `${JSON.stringify(scope)} is not an npm scope: use lower-case letters, digits, "-", "." or "_", e.g. "@acme"` };
  }
  const full = scope.startsWith("@") ? scope : `@${scope}`;
  // npm caps the whole name at 214 characters; the scope may take at most what the name leaves.
  if (full.length > 150) return { path: "packageScope", message: "is too long: keep the scope under 150 characters" };
  return undefined;
}

/** Validates the options and derives the package name; throws SpecError naming each bad option and its fix. */
export function packageContext(fileBase: string, options: PackageOptions = {}): PackageContext {
  const issues: SpecIssue[] = [];
  if (options.packageScope !== undefined) {
    const issue = scopeIssue(options.packageScope);
    if (issue) issues.push(issue);
  }
  const author = options.author?.trim();
  if (options.author !== undefined && (!author || /[\r\n]/.test(author))) {
    issues.push({ path: "author", message: 'must be one line of text naming the copyright holder, e.g. "Acme Inc."' });
  }
  const year = options.year ?? new Date().getFullYear();
  if (!Number.isInteger(year) || year < 1970 || year > 9999) {
    issues.push({ path: "year", message: "must be a four-digit year, e.g. 2026" });
  }
  if (issues.length > 0) throw new SpecError(issues, "package options");
  const base = `langchain-${fileBase}`;
  const scope = options.packageScope?.replace(/^@/, "");
  return {
    packageName: scope ? `@${scope}/${base}` : base,
    author: author || `The ${base} authors`,
    year,
  };
}
