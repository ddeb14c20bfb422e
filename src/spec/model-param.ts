/**
 * The string param that names the model, `model` or `modelName`: reported as `model_name`, and sent as
 * `model`. Reads a spec as parsed or as typed (the questions' answers so far).
 */
export function modelParamOf<P extends { name: string; type: unknown }>(spec: { params: readonly P[] }): P | undefined {
  return spec.params.find((p) => (p.name === "model" || p.name === "modelName") && p.type === "string");
}
