import type { SpecInput } from "../spec/schema.js";
import { askText, type Inquirer } from "./ask.js";
import { checkField } from "./field-check.js";

/** Spec fields that only some transports read: asked after the transport is chosen. */
export type TransportFields = Pick<SpecInput, "baseUrl" | "httpJson"> & { modelParam?: NonNullable<SpecInput["params"]>[number] };

/**
 * The questions a transport adds: where the server is (openai-compatible, ollama), the model param those
 * protocols send, and the endpoint, prompt key and response path of an
 * http-json endpoint. Each answer is checked by the spec's own rules, like every other answer.
 */
export async function askTransportFields(inquirer: Inquirer, spec: SpecInput): Promise<TransportFields> {
  const { transport } = spec;
  if (transport === "openai-compatible" || transport === "ollama") {
    const fields: TransportFields = {};
    const { PROTOCOLS } = await import("../transports/index.js");
    const usual = PROTOCOLS[transport].defaultUrl;
    const baseUrl = await askText(inquirer, "Base URL of the server:", {
      default: usual,
      validate: (url) => checkField({ ...spec, baseUrl: url }, "baseUrl"),
    });
    // The protocol's usual URL is the generated default already: the spec need not repeat it.
    if (baseUrl !== usual) fields.baseUrl = baseUrl;
    // The protocol sends a model name, so its param comes first; other params are asked after it.
    const model = await askText(inquirer, "Default model name the server should run (e.g. llama3.2):", {
      validate: (name) => (name === "" ? "is required: the model name sent with every request" : true),
    });
    fields.modelParam = { name: "model", type: "string", default: model, description: "Name of the model the server runs." };
    return fields;
  }
  if (transport === "http-json") {
    const httpJson = { url: "", promptField: "prompt", responsePath: "output.text" } as NonNullable<SpecInput["httpJson"]>;
    const ask = async (key: "url" | "promptField" | "responsePath" | "stopField" | "streamField", message: string, byDefault?: string) => {
      const optional = key === "stopField" || key === "streamField";
      return askText(inquirer, message, {
        default: byDefault,
        validate: (value) => (optional && value === "" ? true : checkField({ ...spec, httpJson: { ...httpJson, [key]: value } }, `httpJson.${key}`)),
      });
    };
    httpJson.url = await ask("url", "Endpoint URL the prompt is POSTed to:");
    httpJson.promptField = await ask("promptField", "Request body key that carries the prompt:", "prompt");
    httpJson.responsePath = await ask("responsePath", "Where the text is in the JSON response (dot path, e.g. output.text):", "output.text");
    const stopField = await ask("stopField", "Request body key for stop sequences (Enter if the endpoint takes none):");
    if (stopField !== "") httpJson.stopField = stopField;
    if (spec.streaming) {
      const streamField = await ask("streamField", "Request body key that turns streaming on (Enter if none):");
      if (streamField !== "") httpJson.streamField = streamField;
    }
    return { httpJson };
  }
  return {};
}
