import { statSync } from "node:fs";
import { basename } from "node:path";
import type { DerivedSpec } from "../openapi/derive-spec.js";
import type { SpecInput } from "../spec/schema.js";
import type { CliOptions } from "./args.js";
import { InputError } from "./errors.js";

const err = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * Checking a document blocks the event loop, so no timer can say it is slow while it runs: a document
 * big enough to take over a second (docs/performance.md) is announced before it is read.
 */
const BIG_DOCUMENT = 512 * 1024;

function sayIfBig(file: string): void {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return; // Not there: the reader names it.
  }
  if (size >= BIG_DOCUMENT) err(`Reading ${basename(file)} (${(size / 1024 / 1024).toFixed(1)} MB): checking it against the OpenAPI schema and resolving its $refs…`);
}

/**
 * The spec an OpenAPI document gives (`--from-openapi`), before the flags are applied: the operation
 * `--operation` names or the only candidate (asked among several in a terminal), its params (unticked in a
 * terminal), and what of the request was left out, said on stderr. A bad document is an InputError.
 */
export async function specFromOpenApi(options: CliOptions & { fromOpenApi: string }): Promise<SpecInput> {
  const file = options.fromOpenApi;
  const ask = !options.yes && process.stdin.isTTY === true;
  const [{ readDocument }, { pickOperation, ambiguous }, { deriveSpec }, { OpenApiError }] = await Promise.all([
    import("../openapi/read-document.js"),
    import("../openapi/pick-operation.js"),
    import("../openapi/derive-spec.js"),
    import("../openapi/openapi-error.js"),
  ]);
  sayIfBig(file);
  try {
    const api = await readDocument(file);
    let picked = pickOperation(api, options.operation, file);
    if (Array.isArray(picked)) {
      const list = picked;
      if (!ask) throw ambiguous(list, file);
      const { askWithPrompts } = await import("./interactive.js");
      const { askOperation } = await import("../prompts/ask-openapi.js");
      const label = await askWithPrompts((inquirer) => askOperation(inquirer, list.map((op) => op.label)));
      picked = list.find((op) => op.label === label)!;
    }
    const derived = deriveSpec(api, picked, file);
    report(derived, file);
    if (ask && (derived.spec.params?.length ?? 0) > 0) return await untick(derived.spec);
    return derived.spec;
  } catch (error) {
    if (error instanceof OpenApiError) throw new InputError(error.message);
    throw error;
  }
}

/** What was read, and what was left out with why: on stderr, before anything is generated. */
function report(derived: DerivedSpec, file: string): void {
  const { spec, leftOut } = derived;
  const params = spec.params ?? [];
  err(`From ${derived.operation} of ${basename(file)}: ${spec.kind === "chat" ? "a chat model" : "an LLM"}, transport ${spec.transport}, ${params.length} params.`);
  if (derived.note) err(derived.note);
  if (leftOut.length === 0) return;
  err(`Left out (${leftOut.length}):`);
  for (const item of leftOut) err(`  - ${item.key}: ${item.reason}`);
  if (derived.extraBody) err(`The class's ${derived.extraBody} constructor field sends any of them as given, e.g. ${derived.extraBody}: { seed: 42 }.`);
}

/** In a terminal: the user unticks the params the class should not have. */
async function untick(spec: SpecInput): Promise<SpecInput> {
  const params = spec.params ?? [];
  const { askWithPrompts } = await import("./interactive.js");
  const { askKeptParams } = await import("../prompts/ask-openapi.js");
  const kept = new Set(await askWithPrompts((inquirer) => askKeptParams(inquirer, params.map((p) => ({ name: p.name, sentAs: p.wire ?? p.name })))));
  return { ...spec, params: params.filter((p) => kept.has(p.name)) };
}
