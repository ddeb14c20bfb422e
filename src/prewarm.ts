// After the last answer a user waits for the templates, prettier and the compiler to load and for the
// check to run. While they read and answer the questions, a small spec goes through the same pipeline in
// the background (the compiler keeps the declarations it parsed), and then, while the scope is asked,
// their own spec. This module loads nothing itself. The check runs in this thread: keys typed while it
// parses show when it is done.

/** A short wait first: the first question shows before anything else runs; Ctrl-C by then stops it all. */
const DELAY_MS = 200;
const WARM_UP_SPEC = { name: "WarmUpLLM", description: "Only warms up the pipeline." };

/**
 * Starts the warm-up for a package (or for a wrapper in the repo at `repo`). Never prints, never throws
 * (the real run reports what goes wrong), and never keeps the process from exiting when the user quits.
 * Given the answered `spec` (package mode, while the scope is asked), it runs the pipeline for that spec:
 * with the default scope, the real run then finds the formatting and the check done.
 */
export function prewarmSoon(repo?: string, spec: unknown = WARM_UP_SPEC): void {
  if (process.env.CREATE_CUSTOM_LLM_PREWARM === "0") return;
  const timer = setTimeout(() => {
    import("./generate.js").then(({ prewarm }) => prewarm(spec, repo)).catch(() => undefined);
  }, spec === WARM_UP_SPEC ? DELAY_MS : 0);
  timer.unref();
}
