// Module hooks (run on Node's loader thread) for hide-native.mjs.
export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith("@typescript/typescript-")) {
    throw Object.assign(new Error(`Cannot find package '${specifier}' (hidden by the test)`), { code: "ERR_MODULE_NOT_FOUND" });
  }
  return nextResolve(specifier, context);
}
