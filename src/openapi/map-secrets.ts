import { constantCase } from "change-case";
import type { SpecInput } from "../spec/schema.js";
import type { LeftOut } from "./map-params.js";
import type { Operation } from "./pick-operation.js";
import type { OpenApiDocument } from "./read-document.js";
import { isSchema } from "./schema-walk.js";

type SecretInput = NonNullable<SpecInput["secrets"]>[number];

/** The security scheme names an operation takes, in order: its own `security`, else the document's. */
function schemeNames(api: OpenApiDocument, op: Operation): string[] {
  const requirements = Array.isArray(op.operation.security) ? op.operation.security : Array.isArray(api.security) ? api.security : [];
  return [...new Set(requirements.filter(isSchema).flatMap((r) => Object.keys(r)))];
}

/**
 * The secret of the first scheme the HTTP transports can send: an HTTP bearer scheme as the bearer token,
 * an API key as the header it names. Other schemes (basic, OAuth, a key in the query) are listed as left out.
 */
export function mapSecrets(api: OpenApiDocument, op: Operation, provider: string, title: string): { secrets: SecretInput[]; leftOut: LeftOut[] } {
  const components = isSchema(api.components) ? api.components : {};
  const schemes = isSchema(components.securitySchemes) ? components.securitySchemes : {};
  const leftOut: LeftOut[] = [];
  const env = `${constantCase(provider)}_API_KEY`;
  for (const name of schemeNames(api, op)) {
    const scheme = schemes[name];
    if (!isSchema(scheme)) continue;
    const own = typeof scheme.description === "string" && scheme.description.trim() !== "" ? `${scheme.description.trim()} ` : "";
    if (scheme.type === "http" && typeof scheme.scheme === "string" && scheme.scheme.toLowerCase() === "bearer") {
      return { secrets: [{ name: "apiKey", env, description: `${own}API key of the ${title}, sent as the bearer token.` }], leftOut };
    }
    if (scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string") {
      const header = scheme.name.toLowerCase();
      return { secrets: [{ name: "apiKey", env, header, description: `${own}API key of the ${title}, sent in the \`${header}\` header.` }], leftOut };
    }
    const how = scheme.type === "apiKey" ? `an API key in the ${String(scheme.in)}` : `a ${String(scheme.type)} ${typeof scheme.scheme === "string" ? `${scheme.scheme} ` : ""}scheme`;
    leftOut.push({ key: `security scheme ${name}`, reason: `${how}: the HTTP transports send a bearer token or an API key header; use transport "custom" to send it yourself` });
  }
  return { secrets: [], leftOut };
}
