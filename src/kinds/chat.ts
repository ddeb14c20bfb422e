import { askProfile } from "../prompts/ask-profile.js";
import { chatTypeNames, derivedTypeNames } from "../render/contract.js";
import { chatModelMemberNames } from "../validate/llm-members.js";
import type { ModelKind } from "./kind.js";

/** Names the chat templates emit beside the spec's: the class and its params must not take them. */
const CHAT_MODULE_NAMES: readonly string[] = [
  ...["BaseChatModel", "BaseChatModelCallOptions", "BaseChatModelParams", "BindToolsInput", "LangSmithParams", "ToolChoice"],
  ...["BaseLanguageModelInput", "StructuredOutputMethodOptions", "ToolDefinition", "ChatModelStreamEvent"],
  ...["convertOpenAICompletionsStream", "OpenAICompletionsFinishReason", "OpenAICompletionsStreamChunk"],
  ...["assembleStructuredOutputPipeline", "createContentParser", "createFunctionCallingParser", "CallbackManagerForLLMRun"],
  ...["AIMessage", "AIMessageChunk", "ChatMessage", "ToolMessage", "BaseMessage", "convertLangChainToolCallToOpenAI"],
  ...["ChatGenerationChunk", "ChatResult", "Runnable", "convertToOpenAITool", "toJsonSchema", "uuidv4"],
  ...["getEnvironmentVariable", "StructuredSchema", "CREDENTIAL_KEY", "checkModelKwargs", "ModelProfile"],
  ...["convertToOpenAIImageBlock", "convertToProviderContentBlock", "isDataContentBlock", "parseBase64DataUrl", "parseMimeType"],
  ...["Data", "MessageContent", "StandardContentBlockConverter", "OPENAI_PARTS", "CARRIED_ELSEWHERE", "OPENAI_BLOCKS"],
  ...["openAIPart", "standardBlockOf", "ollamaFormat", "ollamaImage"],
  ...["cutAtStop", "completionsChunks", "stopEnd", "heldBack", "readSecret", "redactSecrets", "omitKeys"],
  ...["HttpError", "httpError", "serverMessage", "readPath", "throwIfStreamError", "readLines", "requestBody"],
  ...["openAIMessage", "openAIToolChoice", "parseAnswer", "streamDeltas", "toolCallDelta", "tokenUsage", "finishReason", "ollamaMessage"],
];

/** A chat model: messages in, a message out, with tool calling and structured output. */
export const chatKind: ModelKind = {
  name: "chat",
  label: "Chat model: messages in, a message out, with tool calling and structured output",
  // A chat model answers with a message: its text is what to show.
  answerText: (invoke) => `(await ${invoke}).text`,
  classExample: "ChatAcme",
  specFields: ["provider", "profile"],
  ask: askProfile,
  baseClass: "BaseChatModel",
  templates: { class: "chat/chat.ts.hbs", test: "chat/chat.test.ts.hbs", docs: "chat/docs.md.hbs" },
  partialFolder: "chat/",
  endpoints: {
    "openai-compatible": { path: "/chat/completions", name: "OpenAI's chat completions API", reference: "`@langchain/openai`'s `ChatOpenAI`" },
    ollama: { path: "/api/chat", name: "Ollama's chat API", reference: "`@langchain/ollama`'s `ChatOllama`" },
  },
  reservedBodyKeys: {
    "openai-compatible": ["messages", "tools", "tool_choice", "parallel_tool_calls", "response_format", "stop", "stream", "stream_options"],
    // `format` carries withStructuredOutput's JSON schema.
    ollama: ["stop", "format"],
  },
  unsupported: {
    "http-json":
      'sends one prompt and reads one text field, which cannot carry messages, tool calls or structured output; use "openai-compatible" or "ollama" for a server that speaks one of them, or "custom" and fill in the call',
  },
  inheritedMembers: chatModelMemberNames,
  generatedMembers: [
    ...["streamProvider", "callProvider", "invocationParams", "_identifyingParams", "_llmType", "_generate"],
    ...["_streamResponseChunks", "_streamChatModelEvents", "getLsParams", "bindTools", "withStructuredOutput"],
    ...["lc_name", "lc_secrets", "lc_serializable", "withConfig", "defaultOptions", "streaming", "profile"],
  ],
  moduleNames: CHAT_MODULE_NAMES,
  typeNames: (className) => [...derivedTypeNames(className), ...chatTypeNames(className)],
};
