import type { GeneratedFile } from "./render.js";

// babel-ts gives the same output as the typescript parser here and loads in a third of the time.
const PARSERS: Record<string, string> = { ts: "babel-ts", json: "json", md: "markdown" };

/** Runs prettier over every file it has a parser for; prettier loads on first use, not at start-up. */
export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const prettier = await import("prettier");
  return Promise.all(
    files.map(async (file) => {
      const parser = PARSERS[file.path.split(".").pop() ?? ""];
      if (!parser) return file;
      try {
        return { ...file, contents: await prettier.format(file.contents, { parser, printWidth: 100 }) };
      } catch (error) {
        throw new Error(`internal: generated ${file.path} does not parse: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
}
