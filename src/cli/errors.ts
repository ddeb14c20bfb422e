/** Bad input found by the CLI (a spec file, a target, a flag's value): exit 2, nothing written. */
export class InputError extends Error {
  override name = "InputError";
}

/** The user pressed Ctrl-C at a prompt: exit 130, nothing written. */
export class Cancelled extends Error {
  override name = "Cancelled";
}
