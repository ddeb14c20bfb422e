import type { Protocol } from "../kinds/kind.js";
import type { Kind } from "../spec/schema.js";

/**
 * How an answer of each protocol the generator speaks looks, by kind: the keys a JSON answer has, each
 * path read from the top (`choices` then, in its items, `message`). A document whose answer has them (at
 * the protocol's endpoint path) is served by that protocol's transport.
 */
export const ANSWER_SHAPES: Readonly<Record<Protocol, Readonly<Record<Kind, readonly (readonly string[])[]>>>> = {
  "openai-compatible": { chat: [["choices", "message"]], llm: [["choices", "text"]] },
  ollama: { chat: [["message"], ["done"]], llm: [["response"], ["done"]] },
};
