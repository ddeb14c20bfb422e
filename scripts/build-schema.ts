// Writes schema/spec.schema.json from the zod schema, so editors complete and check spec files.
// test/schema.test.ts fails when the committed file is out of date.
import { writeFileSync } from "node:fs";
import { specJsonSchema } from "../src/spec/json-schema.js";

writeFileSync(new URL("../schema/spec.schema.json", import.meta.url), specJsonSchema());
