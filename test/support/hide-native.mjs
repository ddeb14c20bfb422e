// Preloaded with `node --import`: makes the native TypeScript binary's platform package unresolvable, as on
// a platform it does not ship for (or an install with --omit=optional), so a test sees the fallback.
import { register } from "node:module";

register("./hide-native-hooks.mjs", import.meta.url);
