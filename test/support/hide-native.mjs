// Preloaded with `node --import`: makes a native binary's package unresolvable, as on a platform it does
// not ship for (or an install with --omit=optional), so a test sees the fallback. $HIDE_MODULES: the
// comma-separated name prefixes to hide; by default the native TypeScript binary's platform package.
import { register } from "node:module";

const prefixes = (process.env.HIDE_MODULES ?? "@typescript/typescript-").split(",");
register("./hide-native-hooks.mjs", import.meta.url, { data: { prefixes } });
