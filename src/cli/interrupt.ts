// Ctrl-C after the last answer (the seconds of formatting and type-checking): Node's default would end the
// process wherever it is. Before the write, nothing is on disk yet, so we exit 130 at once; the write itself
// (milliseconds, all or none) is let finish, so an interrupt never leaves a staging folder or half a package.

const cancel = (): void => {
  process.stderr.write("\nCancelled: nothing was written.\n");
  process.exit(130);
};

/** From here on, Ctrl-C exits 130 (the questions handle their own Ctrl-C, so call this after them). */
export function exitOnInterrupt(): void {
  process.on("SIGINT", cancel);
}

/** The write is done: Ctrl-C during the report or the exit ends a run that succeeded, so it exits 0. */
const finished = (): void => process.exit(0);

/**
 * Runs the write with Ctrl-C held back until it is done; after it, Ctrl-C exits 0 if it succeeded, or 130
 * as before it if it failed (a failed write leaves nothing).
 */
export async function uninterrupted<T>(work: () => Promise<T>): Promise<T> {
  const held = (): void => undefined;
  process.off("SIGINT", cancel);
  process.on("SIGINT", held);
  try {
    const result = await work();
    process.on("SIGINT", finished);
    return result;
  } catch (error) {
    process.on("SIGINT", cancel);
    throw error;
  } finally {
    process.off("SIGINT", held);
  }
}
