// After the last answer a user waits for the templates, prettier and the compiler to load before their
// run (~1.3 s cold, ~0.3 s warm). While they read and answer the questions, a small spec goes through
// the same pipeline in the background, so that wait is mostly gone. This module loads nothing itself.

/** A short wait first: the first question shows before anything else runs; Ctrl-C by then stops it all. */
const DELAY_MS = 200;
const WARM_UP_SPEC = { name: "WarmUpLLM", description: "Only warms up the pipeline." };

/**
 * Starts the warm-up for a package (or for a wrapper in the repo at `repo`). Never prints, never throws
 * (the real run reports what goes wrong), and never keeps the process from exiting when the user quits.
 */
export function prewarmSoon(repo?: string): void {
  if (process.env.CREATE_CUSTOM_LLM_PREWARM === "0") return;
  const timer = setTimeout(() => {
    import("./generate.js").then(({ prewarm }) => prewarm(WARM_UP_SPEC, repo)).catch(() => undefined);
  }, DELAY_MS);
  timer.unref();
}
