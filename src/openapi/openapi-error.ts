/** The OpenAPI document cannot give a spec (unreadable, invalid, Swagger 2.0, no operation fits): exit 2, nothing written. */
export class OpenApiError extends Error {
  override name = "OpenApiError";
}
