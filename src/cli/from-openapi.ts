import { basename } from "node:path";
import type { SpecInput } from "../spec/schema.js";
import type { CliOptions } from "./args.js";
import { InputError } from "./errors.js";

const err = (line: string): void => void process.stderr.write(`${line}\n`);

/** Says what it is doing when reading the document takes over a second (a 3 MB document does). */
function sayIfSlow(message: string): () => void {
  const timer = setTimeout(() => err(message), 1000);
  timer.unref();
  return () => clearTimeout(timer);
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
  const done = sayIfSlow(`Reading ${basename(file)}: checking it against the OpenAPI schema and resolving its $refs…`);
  try {
    const api = await readDocument(file);
    done();
    let picked = pickOperation(api, options.operation, file);
    if (Array.isArray(picked)) {
      const list = picked;
      if (!ask) throw ambiguous(list, file);
      const { askWithPlop } = await import("./openapi-questions.js");
      const { askOperation } = await import("../prompts/ask-openapi.js");
      const label = await askWithPlop((inquirer) => askOperation(inquirer, list.map((op) => op.label)));
      picked = list.find((op) => op.label === label)!;
    }
    const derived = deriveSpec(api, picked, file);
    report(derived, file);
    if (ask && (derived.spec.params?.length ?? 0) > 0) return await untick(derived.spec);
    return derived.spec;
  } catch (error) {
    if (error instanceof OpenApiError) throw new InputError(error.message);
    throw error;
  } finally {
    done();
  }
}

/** What was read, and what was left out with why: on stderr, before anything is generated. */
function report(derived: Awaited<ReturnType<typeof import("../openapi/derive-spec.js").deriveSpec>>, file: string): void {
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
  const { askWithPlop } = await import("./openapi-questions.js");
  const { askKeptParams } = await import("../prompts/ask-openapi.js");
  const kept = new Set(await askWithPlop((inquirer) => askKeptParams(inquirer, params.map((p) => ({ name: p.name, sentAs: p.wire ?? p.name })))));
  return { ...spec, params: params.filter((p) => kept.has(p.name)) };
}
