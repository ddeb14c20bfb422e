import type { GeneratedFile } from "./render.js";

// babel-ts gives the same output as the typescript parser here and loads in a third of the time.
const PARSERS: Record<string, string> = { ts: "babel-ts", json: "json", md: "markdown" };
// Prettier formats package.json the way npm writes it; the emitted `prettier --check` expects the same.
const BY_NAME: Record<string, string> = { "package.json": "json-stringify" };
// Same width as the emitted .prettierrc.json, so `npm run lint` in the emitted package passes as written.
const PRINT_WIDTH = 100;

/** Runs prettier over every file it has a parser for; prettier loads on first use, not at start-up. */
export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const prettier = await import("prettier");
  return Promise.all(
    files.map(async (file) => {
      const parser = BY_NAME[file.path.split("/").pop() ?? ""] ?? PARSERS[file.path.split(".").pop() ?? ""];
      if (!parser) return file;
      try {
        return { ...file, contents: await prettier.format(file.contents, { parser, printWidth: PRINT_WIDTH }) };
      } catch (error) {
        const what = file.override ? `override template ${file.override} produced ${file.path}, which` : `internal: generated ${file.path}`;
        throw new Error(`${what} does not parse: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
}
