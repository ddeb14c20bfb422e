// Writes dist/prettier-pieces.json (src/render/pieces/seed.ts): the formatted pieces that two families
// of specs with different names and texts share, so that they depend on no spec. Run by `npm run build`;
// its one line goes to stderr (`npm pack --json` runs the build and prints JSON on stdout).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { learnPieces, PRINT_WIDTH } from "../src/render/format.js";
import { prettierVersion, seedFamily, seedPath, type PieceSeed } from "../src/render/pieces/seed.js";
import { renderFiles } from "../src/render/render.js";
import { validateSpec } from "../src/validate/validate-spec.js";

async function piecesOf(word: string): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const spec of seedFamily(word)) {
    for (const file of renderFiles(validateSpec(spec), "package")) {
      for (const [key, formatted] of await learnPieces(file)) all.set(key, formatted);
    }
  }
  return all;
}

const [quokka, wombat] = await Promise.all([piecesOf("Quokka"), piecesOf("Wombat")]);
const pieces = Object.fromEntries([...quokka].filter(([key]) => wombat.has(key)).sort(([a], [b]) => (a < b ? -1 : 1)));
const seed: PieceSeed = { prettier: prettierVersion(), printWidth: PRINT_WIDTH, pieces };
mkdirSync(dirname(seedPath()), { recursive: true });
writeFileSync(seedPath(), `${JSON.stringify(seed)}\n`);
console.error(`${seedPath()}: ${Object.keys(pieces).length} pieces shared by ${quokka.size} and ${wombat.size}`);
