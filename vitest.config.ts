import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generating and type-checking, then running an emitted package's own vitest, takes seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Vitest's default on 2 cores is one worker, and most of a file's time is spent waiting on the child
    // processes it spawns (npm, tsc, the CLI in a terminal): two files at a time overlap those waits.
    maxWorkers: 2,
  },
});
