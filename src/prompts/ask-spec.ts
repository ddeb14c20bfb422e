import type { SpecInput } from "../spec/schema.js";
import { askChoice, askText, askYesNo, type Inquirer } from "./ask.js";
import { checkField, LATER, loadValidation } from "./field-check.js";
import { askParam, askSecret } from "./ask-members.js";

export interface AskOptions {
  /** Answers given up front (the CLI's --name, --streaming, --transport): their questions are not asked. */
  name?: string;
  streaming?: boolean;
  transport?: string;
  /** The CLI's --kind; checked with the rest of the spec. */
  kind?: string;
  /**
   * The answers given last time (`update --ask`): each question offers its answer as the default, and each
   * recorded param and secret is kept unless the user says no. Its name and kind are kept as they are.
   */
  previous?: SpecInput;
  /** A further check of the class name, e.g. that the folder named after it is free. */
  checkName?: (name: string) => true | string;
}

/**
 * The questions of the `llm` generator, asked one by one, each answer checked by the spec's own rules as
 * it is entered. Returns the spec they describe. Both `npx plop llm` and `create-custom-llm` run this
 * with @inquirer/prompts (plop's own inquirer aside), so both ask the same questions the same way.
 *
 * The transport is asked before the params: it decides which names a param may take (the body keys and
 * fields it adds), so a clash is refused at the param's own question.
 */
export async function askSpec(inquirer: Inquirer, options: AskOptions = {}): Promise<SpecInput> {
  // The answers so far; every check sees them, so later answers are checked against earlier ones.
  const previous = options.previous;
  const spec: SpecInput = { name: options.name ?? previous?.name ?? "", description: LATER };
  const kind = (options.kind ?? previous?.kind ?? (previous ? "llm" : await askKind(inquirer))) as SpecInput["kind"];
  if (kind !== "llm") spec.kind = kind;
  const { modelKind } = await import("../kinds/index.js");
  const kindOf = modelKind(kind);
  if (options.name === undefined && previous === undefined) {
    const example = kindOf.classExample;
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
    default: previous?.description,
    validate: (description) => checkField({ ...spec, description }, "description"),
  });
  const url = await askText(inquirer, "Provider API docs URL (Enter to skip):", {
    default: previous?.docsUrl,
    validate: (docsUrl) => (docsUrl === "" ? true : checkField({ ...spec, docsUrl }, "docsUrl")),
  });
  if (url !== "") spec.docsUrl = url;

  const [{ specChoices }, { transportOf }] = await Promise.all([import("../spec/choices.js"), import("../transports/index.js")]);
  const choices = specChoices();
  spec.streaming =
    options.streaming ?? (await askYesNo(inquirer, "Stream tokens as they arrive (_streamResponseChunks)?", previous?.streaming ?? choices.defaultStreaming));
  // The transport is one of the schema's own values (the cast restores the literal type the list lost).
  spec.transport = (options.transport ??
    (await askChoice(
      inquirer,
      "Transport (how the provider is called):",
      choices.transports
        .filter((t) => !(t in kindOf.unsupported)) // a chat model, for one, is not offered http-json
        .map((t) => ({ name: `${t.padEnd(choices.transportWidth)}  ${transportOf(t as SpecInput["transport"]).summary}`, value: t, short: t })),
      previous?.transport ?? choices.defaultTransport,
    ))) as SpecInput["transport"];
  const transport = transportOf(spec.transport);
  // The transport's and the kind's questions offer the recorded answers, read from the spec asked so far.
  if (previous) Object.assign(spec, pick(previous, ["baseUrl", "httpJson", "params", "provider", "profile"]));
  const { modelParam, ...transportFields } = await transport.ask(inquirer, spec, checkField);
  Object.assign(spec, transportFields);
  // The kind's own questions (a chat model's provider id and profile) come before the secrets, whose
  // variable names follow the provider.
  const kindFields = kindOf.ask ? await kindOf.ask(inquirer, spec, transport, checkField) : {};
  Object.assign(spec, kindFields);

  // A recorded model param keeps its own docstring and the rest; only its default was asked again.
  const recordedModel = previous?.params?.find((p) => p.name === modelParam?.name);
  const model = modelParam && recordedModel ? { ...recordedModel, default: modelParam.default } : modelParam;
  const params: NonNullable<SpecInput["params"]> = (spec.params = model ? [model] : []);
  for (const param of previous?.params ?? []) {
    if (param.name === modelParam?.name) continue;
    if (await askYesNo(inquirer, `Keep the param ${param.name}?`, true)) params.push(param);
  }
  const first = modelParam || params.length > 0 ? "Add another constructor param (e.g. temperature, maxTokens)?" : "Add a constructor param (e.g. model, temperature)?";
  let more = await askYesNo(inquirer, first, previous === undefined);
  while (more) {
    const param = await askParam(inquirer, spec);
    if (param === undefined) break;
    params.push(param);
    more = await askYesNo(inquirer, "Add another param?", false);
  }
  const secrets: NonNullable<SpecInput["secrets"]> = (spec.secrets = []);
  for (const secret of previous?.secrets ?? []) {
    if (await askYesNo(inquirer, `Keep the secret ${secret.name} (${secret.env})?`, true)) secrets.push(secret);
  }
  if (transport.secrets === "any") {
    more = await askYesNo(inquirer, secrets.length > 0 ? "Add another secret?" : "Does the provider need a secret, such as an API key?", previous === undefined);
    while (more) {
      secrets.push(await askSecret(inquirer, spec));
      more = await askYesNo(inquirer, "Add another secret?", false);
    }
  } else if (secrets.length === 0 && (await askYesNo(inquirer, "Does the server need an API key (sent as the bearer token)?", true))) {
    // An HTTP transport sends one secret, as the bearer token: a second (or a new one beside the kept one) is never asked for.
    secrets.push(await askSecret(inquirer, spec));
  }
  const { name, description, docsUrl, streaming } = spec;
  // Keys in the order a person writes a spec, so a saved spec reads well; an LLM's kind is the default.
  const kindField = spec.kind ? { kind: spec.kind } : {};
  // No question asks for llmType: a recorded one is kept.
  const llmType = previous?.llmType ? { llmType: previous.llmType } : {};
  return { ...kindField, name, ...llmType, description, ...(docsUrl ? { docsUrl } : {}), params, secrets, streaming, transport: transport.name, ...transportFields, ...kindFields };
}

/** "What kind of model?": the schema's kinds, each described by its descriptor. */
async function askKind(inquirer: Inquirer): Promise<string> {
  const [{ specChoices }, { MODEL_KINDS }] = await Promise.all([import("../spec/choices.js"), import("../kinds/index.js")]);
  const { kinds, defaultKind } = specChoices();
  const label = (kind: string) => MODEL_KINDS[kind as keyof typeof MODEL_KINDS]?.label ?? kind;
  return askChoice(inquirer, "What kind of model?", kinds.map((k) => ({ name: label(k), value: k })), defaultKind);
}

/** The keys of `spec` that it has, as a partial spec. */
function pick(spec: SpecInput, keys: readonly (keyof SpecInput)[]): Partial<SpecInput> {
  return Object.fromEntries(keys.filter((key) => spec[key] !== undefined).map((key) => [key, spec[key]]));
}
