/**
 * An HTTP protocol the generator can emit a call for, whatever the kind of model: where requests go by
 * default, how answers stream, and how params are named in the body. The endpoint path and the keys the
 * wrapper sets itself depend on the kind too (src/kinds). Adding a protocol means one of these, its
 * partials (`transport/<name>`, `<kind>/transport/<name>`) and its test server partials.
 */
export interface Protocol {
  name: "openai-compatible" | "ollama";
  /** The constructor field holding the server's address. */
  urlParam: "baseUrl";
  defaultUrl: string;
  /** Content type of a streamed answer, sent as `accept` when streaming. */
  streamType: string;
  /** For the docs page. */
  streamFormat: string;
  /** The server reports token counts. */
  usage: boolean;
  /**
   * For a protocol that takes settings in `options` (Ollama): the keys a param is sent under at the top
   * of the body instead. Undefined: every param is a key of the body.
   */
  topLevelKeys?: ReadonlySet<string>;
}
