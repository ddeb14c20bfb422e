// Preloaded with `node --import`: appends the URL of every module Node loads to $RECORD_IMPORTS, so a test
// can see what a run loaded (for instance, that --help loads nothing from node_modules).
import { register } from "node:module";

register("./record-imports-hooks.mjs", import.meta.url, { data: { file: process.env.RECORD_IMPORTS } });
