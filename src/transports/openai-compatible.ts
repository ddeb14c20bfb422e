import { protocolTransport } from "./protocol.js";

/** OpenAI's APIs, and every server that speaks them (vLLM, llama.cpp server, LocalAI, Together…). */
export const openAICompatible = protocolTransport({
  name: "openai-compatible",
  summary: "the OpenAI API at {baseUrl}: OpenAI, vLLM, llama.cpp, LocalAI, Together…",
  defaultUrl: "https://api.openai.com/v1",
  modelExample: "gpt-4o-mini",
  streamType: "text/event-stream",
  streamFormat: "Server-Sent Events",
  eventStream: true,
  toolChoice: true,
  // Native JSON schema output (response_format) and images by URL or data, as ChatOpenAI sends them.
  profile: { toolCalling: true, toolChoice: true, structuredOutput: true, imageInputs: true, imageUrlInputs: true },
  usage: true,
  extraBody: "modelKwargs",
});
