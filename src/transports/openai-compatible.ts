import type { Protocol } from "./protocol.js";

/** OpenAI's APIs, and every server that speaks them (vLLM, llama.cpp server, LocalAI, Together…). */
export const openAICompatible: Protocol = {
  name: "openai-compatible",
  urlParam: "baseUrl",
  defaultUrl: "https://api.openai.com/v1",
  streamType: "text/event-stream",
  streamFormat: "Server-Sent Events",
  usage: true,
};
