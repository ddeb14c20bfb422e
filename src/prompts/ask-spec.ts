import type { SpecInput } from "../spec/schema.js";
import { askChoice, askText, askYesNo, type Inquirer } from "./ask.js";
import { checkField, LATER, loadValidation } from "./field-check.js";
import { askParam, askSecret } from "./ask-members.js";
import { askTransportFields } from "./ask-transport.js";

export interface AskOptions {
  /** Answers given up front (the CLI's --name, --streaming): their questions are not asked. */
  name?: string;
  streaming?: boolean;
  /** The CLI's --kind; checked with the rest of the spec. */
  kind?: string;
  /** A further check of the class name, e.g. that the folder named after it is free. */
  checkName?: (name: string) => true | string;
}

/**
 * The questions of the `llm` generator, asked one by one, each answer checked by the spec's own rules as
 * it is entered. Returns the spec they describe. Both `npx plop llm` and `create-custom-llm` run this
 * through node-plop, so both ask the same questions.
 */
export async function askSpec(inquirer: Inquirer, options: AskOptions = {}): Promise<SpecInput> {
  // The answers so far; every check sees them, so later answers are checked against earlier ones.
  const spec: SpecInput = { name: options.name ?? "", description: LATER };
  const kind = (options.kind ?? (await askKind(inquirer))) as SpecInput["kind"];
  if (kind !== "llm") spec.kind = kind;
  if (options.name === undefined) {
    const { modelKind } = await import("../kinds/index.js");
    const example = kind === "llm" || kind === "chat" ? modelKind(kind).classExample : "AcmeLLM";
    const answer = askText(inquirer, `Class name of the wrapper (PascalCase, e.g. ${example}):`, {
      validate: async (name) => {
        const problem = await checkField({ ...spec, name }, "name");
        return problem === true && options.checkName ? options.checkName(name) : problem;
      },
    });
    // Loaded while the user types, after the question is on screen: the question never waits for it.
    void loadValidation();
    spec.name = await answer;
  }
  spec.description = await askText(inquirer, "Description (opens the class docstring):", {
    validate: (description) => checkField({ ...spec, description }, "description"),
  });
  const url = await askText(inquirer, "Provider API docs URL (Enter to skip):", {
    validate: (docsUrl) => (docsUrl === "" ? true : checkField({ ...spec, docsUrl }, "docsUrl")),
  });
  if (url !== "") spec.docsUrl = url;

  const params: NonNullable<SpecInput["params"]> = (spec.params = []);
  let more = await askYesNo(inquirer, "Add a constructor param (e.g. model, temperature)?", true);
  while (more) {
    params.push(await askParam(inquirer, spec));
    more = await askYesNo(inquirer, "Add another param?", false);
  }
  const secrets: NonNullable<SpecInput["secrets"]> = (spec.secrets = []);
  more = await askYesNo(inquirer, "Does the provider need a secret, such as an API key?", true);
  while (more) {
    secrets.push(await askSecret(inquirer, spec));
    more = await askYesNo(inquirer, "Add another secret?", false);
  }

  const { specChoices } = await import("../spec/choices.js");
  const choices = specChoices();
  const streaming =
    options.streaming ?? (await askYesNo(inquirer, "Stream tokens as they arrive (_streamResponseChunks)?", choices.defaultStreaming));
  const transport = await askChoice(
    inquirer,
    "Transport (how the provider is called):",
    transportChoices(choices.transports, spec.kind).map((t) => ({ name: t, value: t })),
    choices.defaultTransport,
  );
  // The transport is one of the schema's own values (the cast restores the literal type the list lost).
  spec.streaming = streaming;
  spec.transport = transport as SpecInput["transport"];
  const { modelParam, ...transportFields } = await askTransportFields(inquirer, spec);
  if (modelParam) params.unshift(modelParam);
  const { name, description, docsUrl } = spec;
  // Keys in the order a person writes a spec, so a saved spec reads well; an LLM's kind is the default.
  return { ...(spec.kind ? { kind: spec.kind } : {}), name, description, ...(docsUrl ? { docsUrl } : {}), params, secrets, streaming, transport: spec.transport, ...transportFields };
}

/** "What kind of model?": the schema's kinds, each described by its descriptor. */
async function askKind(inquirer: Inquirer): Promise<string> {
  const [{ specChoices }, { MODEL_KINDS }] = await Promise.all([import("../spec/choices.js"), import("../kinds/index.js")]);
  const { kinds, defaultKind } = specChoices();
  const label = (kind: string) => MODEL_KINDS[kind as keyof typeof MODEL_KINDS]?.label ?? kind;
  return askChoice(inquirer, "What kind of model?", kinds.map((k) => ({ name: label(k), value: k })), defaultKind);
}

/** The transports a kind can use: a chat model, for one, is not offered http-json. */
function transportChoices(transports: string[], kind: SpecInput["kind"]): string[] {
  return kind === "chat" ? transports.filter((t) => t !== "http-json") : transports;
}
