import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generating and type-checking, then running an emitted package's own vitest, takes seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
