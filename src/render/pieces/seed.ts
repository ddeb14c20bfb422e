// The pieces every spec shares, formatted at build time (`npm run build` runs scripts/build-pieces.ts,
// which writes dist/prettier-pieces.json), so that even a process's first spec sends prettier only what
// depends on the spec. A piece is found by its exact text, so an entry can only ever stand for the text
// it was formatted from: a stale seed is slower, never wrong. It is read only when it was made by the
// prettier and print width in use.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../../paths.js";
import type { SpecInput } from "../../spec/schema.js";

export interface PieceSeed {
  prettier: string;
  printWidth: number;
  /** Piece key (reduce.ts keyOf) → formatted text. */
  pieces: Record<string, string>;
}

export function seedPath(): string {
  return join(packageRoot(), "dist", "prettier-pieces.json");
}

export function prettierVersion(): string {
  return (createRequire(import.meta.url)("prettier/package.json") as { version: string }).version;
}

/** The seed's pieces, or none when it is missing or was made for another prettier or width. */
export function loadSeed(printWidth: number, file = seedPath()): ReadonlyMap<string, string> {
  if (!existsSync(file)) return new Map();
  try {
    const seed = JSON.parse(readFileSync(file, "utf8")) as PieceSeed;
    if (seed.prettier !== prettierVersion() || seed.printWidth !== printWidth) return new Map();
    return new Map(Object.entries(seed.pieces));
  } catch {
    return new Map(); // unreadable: format everything, as without a seed
  }
}

type Transport = NonNullable<SpecInput["transport"]>;
const TRANSPORTS: readonly Transport[] = ["custom", "openai-compatible", "ollama", "http-json"];

/**
 * One spec of every shape the templates branch on (transport, streaming, no/one/two secrets, params of
 * every type and kind), with every name and text drawn from `word`. Two families with different words
 * share only the pieces that no name or text of a spec reaches: those are the seed.
 */
export function seedFamily(word: string): SpecInput[] {
  const lower = word.toLowerCase();
  const specs: SpecInput[] = [];
  for (const transport of TRANSPORTS) {
    // HTTP transports send at most one secret, as the bearer token.
    for (const secrets of transport === "custom" ? [0, 1, 2] : [0, 1]) {
      for (const streaming of [true, false]) {
        const shape = `${transport.replace(/-(.)/g, (_, c: string) => c.toUpperCase())}${secrets}${streaming ? "Stream" : ""}`;
        specs.push({
          name: `Seed${word}${shape[0]!.toUpperCase()}${shape.slice(1)}LLM`,
          description: `Seed ${lower} ${shape}.`,
          docsUrl: `https://${lower}.example/docs`,
          params: [
            { name: "model", type: "string", default: `${lower}-model`, description: `${word} model.` },
            { name: `${lower}Temperature`, type: "number", default: word.length, description: `${word} number.` },
            { name: `${lower}MaxTokens`, type: "number", optional: true, description: `${word} optional number.` },
            { name: `${lower}Echo`, type: "boolean", default: word.length % 2 === 0, description: `${word} boolean.` },
            { name: `${lower}Tags`, type: "string[]", default: [lower], description: `${word} list.` },
            { name: `${lower}Tier`, type: { enum: [`${lower}-a`, `${lower}-b`] }, default: `${lower}-a`, description: `${word} enum.` },
            { name: `${lower}Region`, type: "string", description: `${word} required string.` },
          ],
          secrets: Array.from({ length: secrets }, (_, i) => ({
            name: `${lower}Key${i}`,
            env: `SEED_${word.toUpperCase()}_KEY_${i}`,
            description: `${word} secret ${i}.`,
          })),
          streaming,
          transport,
          ...(transport === "http-json"
            ? { httpJson: { url: `https://${lower}.example/run`, promptField: `${lower}Prompt`, responsePath: `${lower}.text`, stopField: `${lower}Stop`, streamField: `${lower}Stream` } }
            : transport === "custom"
              ? {}
              : { baseUrl: `https://${lower}.example/v1` }),
        });
      }
    }
  }
  return specs;
}
