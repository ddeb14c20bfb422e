import type { GeneratedFile } from "./render.js";

// babel-ts gives the same output as the typescript parser here and loads in a third of the time.
const PARSERS: Record<string, string> = { ts: "babel-ts", json: "json", md: "markdown" };
// Prettier formats package.json the way npm writes it; the emitted `prettier --check` expects the same.
const BY_NAME: Record<string, string> = { "package.json": "json-stringify" };
// Same width as the emitted .prettierrc.json, so `npm run lint` in the emitted package passes as written.
const PRINT_WIDTH = 100;

/**
 * Prettier's output by parser and input, for this process: files that do not depend on the spec
 * (tsconfig.json, vitest.config.ts, .prettierrc.json) come out the same for every spec. Cleared when full.
 */
const formattedBefore = new Map<string, string>();
const REMEMBERED = 64;

async function formatOnce(contents: string, parser: string): Promise<string> {
  const key = `${parser}\0${contents}`;
  const known = formattedBefore.get(key);
  if (known !== undefined) return known;
  const prettier = await import("prettier");
  const formatted = await prettier.format(contents, { parser, printWidth: PRINT_WIDTH });
  if (formattedBefore.size >= REMEMBERED) formattedBefore.clear();
  formattedBefore.set(key, formatted);
  return formatted;
}

/** Runs prettier over every file it has a parser for; prettier loads on first use, not at start-up. */
export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const formatted: GeneratedFile[] = [];
  for (const file of files) {
    // One file at a time, with a turn of the event loop before each: the type-check runs meanwhile in the
    // compiler's process, and its answers are read between two files (prettier alone never yields).
    await new Promise((resolve) => setImmediate(resolve));
    const parser = BY_NAME[file.path.split("/").pop() ?? ""] ?? PARSERS[file.path.split(".").pop() ?? ""];
    if (!parser) {
      formatted.push(file);
      continue;
    }
    try {
      formatted.push({ ...file, contents: await formatOnce(file.contents, parser) });
    } catch (error) {
      const what = file.override ? `override template ${file.override} produced ${file.path}, which` : `internal: generated ${file.path}`;
      throw new Error(`${what} does not parse: ${(error as Error).message}`, { cause: error });
    }
  }
  return formatted;
}
