import { scopeIssue } from "../package/package-options.js";
import { askText, type Inquirer } from "./ask.js";

/**
 * Package mode's one question beyond the spec: the npm scope, checked by npm's rules as it is typed.
 * Returns undefined when skipped. Author and year are flags only: the defaults suit a first publish.
 */
export async function askPackageScope(inquirer: Inquirer): Promise<string | undefined> {
  const scope = await askText(inquirer, "npm scope of the package, e.g. @acme (Enter for none):", {
    validate: (typed) => (typed === "" ? true : (scopeIssue(typed)?.message ?? true)),
  });
  return scope === "" ? undefined : scope;
}
