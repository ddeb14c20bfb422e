// Module hooks (run on Node's loader thread) for hide-native.mjs.
let prefixes = [];

export function initialize(data) {
  prefixes = data.prefixes;
}

export async function resolve(specifier, context, nextResolve) {
  if (prefixes.some((p) => specifier.startsWith(p))) {
    throw Object.assign(new Error(`Cannot find package '${specifier}' (hidden by the test)`), { code: "ERR_MODULE_NOT_FOUND" });
  }
  return nextResolve(specifier, context);
}
