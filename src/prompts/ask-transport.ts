import type { SpecInput } from "../spec/schema.js";
import { askText, type Inquirer } from "./ask.js";
import { checkField } from "./field-check.js";

/** Spec fields that only some transports read: asked after the transport is chosen. */
export type TransportFields = Pick<SpecInput, "baseUrl" | "httpJson"> & { modelParam?: NonNullable<SpecInput["params"]>[number] };

/**
 * The questions a transport adds: where the server is (openai-compatible, ollama), the model param those
 * protocols send when the user has not added one, and the endpoint, prompt key and response path of an
 * http-json endpoint. Each answer is checked by the spec's own rules, like every other answer.
 */
export async function askTransportFields(inquirer: Inquirer, spec: SpecInput): Promise<TransportFields> {
  const { transport } = spec;
  if (transport === "openai-compatible" || transport === "ollama") {
    const fields: TransportFields = {};
    const baseUrl = await askText(inquirer, "Base URL of the server (Enter for the protocol's usual one):", {
      validate: (url) => (url === "" ? true : checkField({ ...spec, baseUrl: url }, "baseUrl")),
    });
    if (baseUrl !== "") fields.baseUrl = baseUrl;
    if (!(spec.params ?? []).some((p) => (p.name === "model" || p.name === "modelName") && p.type === "string")) {
      // The protocol sends a model name: without a param for it the spec would be refused.
      const model = await askText(inquirer, "Default model name the server should run (e.g. llama3.2):", {
        validate: (name) => (name === "" ? "is required: the model name sent with every request" : true),
      });
      fields.modelParam = { name: "model", type: "string", default: model, description: "Name of the model the server runs." };
    }
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
