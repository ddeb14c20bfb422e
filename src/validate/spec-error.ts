/** One problem in a spec: where it is (a JSON path such as `params[1].name`) and what to do about it. */
export interface SpecIssue {
  path: string;
  message: string;
}

/** Thrown for invalid input; the message lists every problem so a user can fix them in one go. */
export class SpecError extends Error {
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[], source = "spec") {
    const lines = issues.map((i) => `  - ${i.path || "(root)"}: ${i.message}`);
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`Invalid ${source} (${count}):\n${lines.join("\n")}`);
    this.name = "SpecError";
    this.issues = issues;
  }
}
