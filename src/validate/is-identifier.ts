import isIdentifierUncached from "is-identifier";

// is-identifier runs its regex under a timeout in a fresh `vm` script, and a render asks about the same
// few names hundreds of times: that was most of a render (docs/performance.md). The answer for a name
// never changes, so it is asked once per name.
const answers = new Map<string, boolean>();
const REMEMBERED = 10_000;

/** Whether `name` is a valid JavaScript identifier that is not a reserved word (is-identifier). */
export function isIdentifier(name: string): boolean {
  let answer = answers.get(name);
  if (answer === undefined) {
    answer = isIdentifierUncached(name);
    if (answers.size >= REMEMBERED) answers.clear();
    answers.set(name, answer);
  }
  return answer;
}
