/** An update that cannot start as asked (no record, an ambiguous wrapper, a renamed class): nothing is written. */
export class UpdateError extends Error {
  override name = "UpdateError";
}
