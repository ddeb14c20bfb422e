// Ctrl-C after the last answer (the seconds of formatting and type-checking): Node's default would end the
// process wherever it is. Before the write, nothing is on disk yet, so we exit 130 at once; the write itself
// (milliseconds, all or none) is let finish, so an interrupt never leaves a staging folder or half a package.

const cancel = (): void => {
  process.stderr.write("\nCancelled; nothing was written.\n");
  process.exit(130);
};

/** From here on, Ctrl-C exits 130 (the questions handle their own Ctrl-C, so call this after them). */
export function exitOnInterrupt(): void {
  process.on("SIGINT", cancel);
}

/** Runs the write with Ctrl-C held back until it is done. */
export async function uninterrupted<T>(work: () => Promise<T>): Promise<T> {
  const held = (): void => undefined;
  process.off("SIGINT", cancel);
  process.on("SIGINT", held);
  try {
    return await work();
  } finally {
    process.off("SIGINT", held);
  }
}
