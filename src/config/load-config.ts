import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseOrThrow } from "../validate/shape-issues.js";
import { SpecError } from "../validate/spec-error.js";
import { configSchema, type Config } from "./config-schema.js";

export const CONFIG_FILE = "custom-llm.config.json";

/** A validated config and the repo it belongs to; `templates` is made absolute. */
export interface LoadedConfig extends Config {
  root: string;
  source: string;
  templatesDir?: string;
}

/** Validates a config object; throws SpecError naming each bad field and its fix, like a bad spec. */
export function parseConfig(input: unknown, root: string, source: string): LoadedConfig {
  const config = parseOrThrow(configSchema, input, source);
  const templatesDir = config.templates === undefined ? undefined : resolve(root, config.templates);
  if (templatesDir && !existsSync(templatesDir)) {
    throw new SpecError([{ path: "templates", message: `folder ${config.templates} does not exist in ${root}; create it or remove the field` }], source);
  }
  return { ...config, root: resolve(root), source, templatesDir };
}

/**
 * The conventions of the repo at `root`: custom-llm.config.json if present, else package.json's
 * `customLlm` key, else the defaults.
 */
export function loadConfig(root: string): LoadedConfig {
  const file = join(root, CONFIG_FILE);
  if (existsSync(file)) return parseConfig(readJson(file), root, CONFIG_FILE);
  const pkgFile = join(root, "package.json");
  const pkg = existsSync(pkgFile) ? (readJson(pkgFile) as { customLlm?: unknown }) : {};
  return parseConfig(pkg.customLlm ?? {}, root, 'package.json "customLlm"');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SpecError([{ path: "(root)", message: `is not valid JSON: ${(error as Error).message}` }], file);
  }
}
