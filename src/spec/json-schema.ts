import { z } from "zod";
import { specSchema } from "./schema.js";

/** The spec's JSON Schema as published in schema/spec.schema.json: what a user may write (defaults optional). */
export function specJsonSchema(): string {
  const schema = z.toJSONSchema(specSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
