import { scopeIssue } from "../package/package-options.js";
import { askText, type Inquirer } from "./ask.js";

const YES_NO = /^(y|n|yes|no)$/i;

/**
 * Package mode's one question beyond the spec: the npm scope, checked by npm's rules as it is typed.
 * Returns undefined when skipped. Author and year are flags only: the defaults suit a first publish.
 */
export async function askPackageScope(inquirer: Inquirer): Promise<string | undefined> {
  const scope = await askText(inquirer, "npm scope of the package, e.g. @acme (Enter for none):", {
    validate: (typed) => {
      if (typed === "") return true;
      // An answer to the yes/no question before is not a scope: "n" would name the package @n/….
      if (YES_NO.test(typed)) return `"${typed}" reads as a yes or no: type a scope such as @acme, or press Enter for none`;
      return scopeIssue(typed)?.message ?? true;
    },
  });
  return scope === "" ? undefined : scope;
}
