import { existsSync } from "node:fs";
import SwaggerParser from "@apidevtools/swagger-parser";
import { OpenApiError } from "./openapi-error.js";
import { isSchema, type Schema } from "./schema-walk.js";

/** A parsed, validated and dereferenced OpenAPI 3.x document. */
export type OpenApiDocument = Schema & { openapi: string; paths: Record<string, Schema> };

/** The parser's message without its stack of JSON pointers repeated: the first lines say it. */
const short = (error: unknown): string => String((error as Error).message ?? error).split("\n").slice(0, 6).join("\n");

/**
 * Reads an OpenAPI 3.0 or 3.1 document (JSON or YAML), checks it against the OpenAPI schema and resolves
 * every `$ref`. Swagger 2.0, an invalid document and a `$ref` that does not resolve are refused.
 */
export async function readDocument(path: string): Promise<OpenApiDocument> {
  if (!existsSync(path)) throw new OpenApiError(`OpenAPI document not found: ${path}`);
  let raw: unknown;
  try {
    raw = await SwaggerParser.parse(path);
  } catch (error) {
    throw new OpenApiError(`Cannot read the OpenAPI document ${path}: ${short(error)}`);
  }
  if (!isSchema(raw)) throw new OpenApiError(`${path} is not an OpenAPI document: it holds no object`);
  if (raw.swagger !== undefined) {
    throw new OpenApiError(
      `${path} is a Swagger ${String(raw.swagger)} document; --from-openapi reads OpenAPI 3.0 and 3.1: convert it first (e.g. with swagger2openapi)`,
    );
  }
  if (typeof raw.openapi !== "string" || !/^3\.[01]\./.test(raw.openapi)) {
    throw new OpenApiError(`${path} is not an OpenAPI 3.0 or 3.1 document: its "openapi" field is ${JSON.stringify(raw.openapi ?? null)}`);
  }
  try {
    // validate() checks the document against the OpenAPI schema, then dereferences it in place.
    // The parser's types describe a document; ours reads it as plain JSON Schema objects.
    return (await SwaggerParser.validate(path, raw as never, {})) as unknown as OpenApiDocument;
  } catch (error) {
    const message = short(error);
    if (/resolve|\$ref|pointer/i.test(message)) throw new OpenApiError(`A $ref in ${path} does not resolve: ${message}`);
    throw new OpenApiError(`${path} is not a valid OpenAPI document: ${message}`);
  }
}
