import { mkdtempSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(REPO, "dist/src/cli/main.js");
/** TypeScript 5.9's tsc, what emitted packages build with. */
export const TSC = join(REPO, "node_modules/typescript/bin/tsc");

/**
 * A fresh temp folder inside the repo: emitted code imports @langchain/core and vitest, which resolve
 * only from a folder with our node_modules above it.
 */
export function repoTempDir(prefix: string): string {
  const base = join(REPO, ".tmp");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

/** How many files a package-mode run writes, read from the real table. */
export async function packageFileCount(): Promise<number> {
  const { TEMPLATES } = await import("../../src/render/render.js");
  // One file per package template, and the record of the generation (src/record).
  return TEMPLATES.filter((t) => t.modes.includes("package")).length + 1;
}
