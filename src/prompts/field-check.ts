import type { SpecInput } from "../spec/schema.js";

type Validation = typeof import("../validate/validate-spec.js") & typeof import("../validate/spec-error.js");
/** Stands in for answers not given yet: a candidate spec must be complete to be validated. */
export const LATER = "(to be asked)";

let loading: Promise<Validation> | undefined;

/**
 * Loads the spec validation (zod, and @langchain/core for the inherited member names) once. The prompts
 * start it after the first question is on screen, so showing a question never waits for it.
 */
export function loadValidation(): Promise<Validation> {
  loading ??= Promise.all([import("../validate/validate-spec.js"), import("../validate/spec-error.js")]).then(
    ([validate, errors]) => ({ ...validate, ...errors }),
  );
  return loading;
}

/**
 * Checks one answer with exactly the rules a spec file gets: the candidate spec (the answers so far, this
 * one, placeholders for the rest) goes through validateSpec, and only problems at `path` or below count.
 * Returns true or the message, as a prompt's `validate` expects.
 */
export async function checkField(candidate: SpecInput, path: string): Promise<true | string> {
  const { validateSpec, SpecError } = await loadValidation();
  try {
    validateSpec(candidate);
    return true;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const issue = error.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
    return issue ? issue.message : true;
  }
}
