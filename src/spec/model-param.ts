import type { Param, Spec } from "./schema.js";

/** The string param that names the model, `model` or `modelName`: reported as `model_name`, and sent as `model`. */
export function modelParamOf(spec: Pick<Spec, "params">): Param | undefined {
  return spec.params.find((p) => (p.name === "model" || p.name === "modelName") && p.type === "string");
}
