import type { SpecInput } from "../spec/schema.js";
import { providerOf } from "../spec/provider.js";
import type { FieldCheck, TransportDescriptor } from "../transports/transport.js";
import { askText, askYesNo, type Inquirer } from "./ask.js";

/**
 * A chat model's last questions: the provider id LangSmith keys on, and a brief profile (core's
 * `ModelProfile`) on top of what the transport carries. `createAgent` reads `structuredOutput` to pick
 * its structured-output strategy.
 */
export async function askProfile(
  inquirer: Inquirer,
  spec: SpecInput,
  transport: TransportDescriptor,
  check: FieldCheck,
): Promise<Pick<SpecInput, "provider" | "profile">> {
  const provider = await askText(inquirer, "Provider id, for LangSmith's cost and grouping (e.g. openai, mistral):", {
    default: spec.provider ?? providerOf({ name: spec.name }, spec.baseUrl ?? transport.defaultBaseUrl),
    validate: (id) => check({ ...spec, provider: id }, "provider"),
  });
  // Asked again (an update), the recorded profile is the starting point; else what the transport carries.
  const before = spec.profile ?? transport.profile;
  const window = await askText(inquirer, "Context window of the default model, in tokens (Enter to skip):", {
    default: before.maxInputTokens === undefined ? undefined : String(before.maxInputTokens),
    validate: (tokens) => (tokens === "" ? true : check({ ...spec, profile: { maxInputTokens: Number(tokens) } }, "profile.maxInputTokens")),
  });
  const imageInputs = await askYesNo(inquirer, "Does the model take images?", before.imageInputs ?? false);
  const structuredOutput = await askYesNo(
    inquirer,
    "Does the server hold answers to a JSON schema (native structured output, which createAgent then uses)?",
    before.structuredOutput ?? false,
  );
  const { imageUrlInputs, maxInputTokens: _window, ...carried } = before;
  const profile = {
    ...carried,
    ...(window === "" ? {} : { maxInputTokens: Number(window) }),
    imageInputs,
    ...(imageInputs && imageUrlInputs !== undefined ? { imageUrlInputs } : {}),
    structuredOutput,
  };
  return { provider, profile };
}
