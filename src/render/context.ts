import { kebabCase } from "change-case";
import { modelKind } from "../kinds/index.js";
import { modelParamOf } from "../spec/model-param.js";
import { providerOf } from "../spec/provider.js";
import type { Kind, Param, ParamType, Profile, Spec } from "../spec/schema.js";
import { transportOf, type HttpContext, type TransportDescriptor } from "../transports/index.js";
import { chatTypeNames, derivedTypeNames, PROVIDER_METHOD } from "./contract.js";
import { toolVersions, type ToolVersions } from "./versions.js";

export interface ParamContext {
  name: string;
  type: ParamType;
  /** The class's docstring of the param: the first paragraph of its description. */
  description: string;
  /** The whole description, for the docs page. */
  fullDescription: string;
  hasDefault: boolean;
  default: unknown;
  /** Must be passed to the constructor: not optional and no default. */
  required: boolean;
  /** An example value for docs and tests. */
  example: unknown;
}

/** What only the chat templates read. */
export interface ChatContext {
  /** The partial with the message and helper imports its transport's code uses: `chat/imports/<transport>`. */
  importsPartial: string;
  /** The transport can force a tool call (`tool_choice`); Ollama's API cannot. */
  toolChoice: boolean;
  /** The params reported to LangSmith as `ls_temperature` and `ls_max_tokens`, if the spec has them. */
  temperatureParam: string | false;
  maxTokensParam: string | false;
  /** withStructuredOutput's default method: the transport's JSON schema support, else function calling. */
  structuredMethod: "jsonSchema" | "functionCalling";
  /** The class's `profile`: the spec's own, else what the transport can carry. */
  profile: Profile;
}

/** What the templates see: the spec's values plus names derived from them. */
export interface RenderContext {
  kind: Kind;
  className: string;
  fileBase: string;
  /** How the test file and index import the class module (ESM needs the .js extension). */
  classImport: string;
  llmType: string;
  /** The provider id LangSmith keys on: `ls_provider`, `model_provider`. */
  provider: string;
  description: string;
  docsUrl: string | false;
  streaming: boolean;
  /** The HTTP call the class makes, or false for the custom transport (the user fills in the call). */
  http: HttpContext | false;
  /** Emit cutAtStop(): the custom non-streaming call and every HTTP invoke cut a whole text. */
  cutsWholeText: boolean;
  providerMethod: string;
  /** Type names derived from the class name; the last three only the chat templates use. */
  types: { input: string; callOptions: string; request: string; credentials: string; delta: string; toolCallDelta: string; responseFormat: string };
  params: ParamContext[];
  requiredParams: ParamContext[];
  hasRequired: boolean;
  secrets: Spec["secrets"];
  hasSecrets: boolean;
  /** The string param that names the model, if the spec has one: reported as `model_name`. */
  modelParam: string | false;
  chat: ChatContext | false;
  packageName: string;
  versions: ToolVersions;
}

export function buildContext(spec: Spec): RenderContext {
  const fileBase = kebabCase(spec.name);
  const [input, callOptions, request, credentials] = derivedTypeNames(spec.name) as [string, string, string, string];
  const [delta, toolCallDelta, responseFormat] = chatTypeNames(spec.name) as [string, string, string];
  const params = spec.params.map(paramContext);
  const model = modelParamOf(spec);
  const kind = modelKind(spec.kind);
  const transport = transportOf(spec.transport);
  const http = transport.http(spec, kind);
  return {
    kind: kind.name,
    className: spec.name,
    fileBase,
    classImport: `./${fileBase}.js`,
    llmType: spec.llmType ?? fileBase,
    provider: providerOf(spec, http ? http.defaultUrl : undefined),
    description: spec.description,
    // Normalised: quotes and spaces percent-encoded, so the link reads the same in every emitted file.
    docsUrl: spec.docsUrl ? new URL(spec.docsUrl).href : false,
    streaming: spec.streaming,
    http,
    cutsWholeText: http !== false || !spec.streaming,
    providerMethod: spec.streaming ? PROVIDER_METHOD.streaming : PROVIDER_METHOD.plain,
    types: { input, callOptions, request, credentials, delta, toolCallDelta, responseFormat },
    params,
    requiredParams: params.filter((p) => p.required),
    hasRequired: params.some((p) => p.required),
    secrets: spec.secrets,
    hasSecrets: spec.secrets.length > 0,
    modelParam: model ? model.name : false,
    chat: kind.name === "chat" ? chatContext(spec, transport) : false,
    packageName: `langchain-${fileBase}`,
    versions: toolVersions(),
  };
}

function chatContext(spec: Spec, transport: TransportDescriptor): ChatContext {
  const numberParam = (names: readonly string[]) => spec.params.find((p) => names.includes(p.name) && p.type === "number")?.name ?? false;
  return {
    importsPartial: `chat/imports/${transport.name}`,
    toolChoice: transport.toolChoice,
    temperatureParam: numberParam(["temperature"]),
    maxTokensParam: numberParam(["maxTokens", "maxOutputTokens", "numPredict", "maxCompletionTokens"]),
    structuredMethod: transport.structuredMethod,
    profile: spec.profile ?? transport.profile,
  };
}


/** A description up to its first blank line: a provider's long description stays whole in the docs page only. */
export function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0]!.trim();
}

function paramContext(param: Param): ParamContext {
  const hasDefault = param.default !== undefined;
  return {
    name: param.name,
    type: param.type,
    description: firstParagraph(param.description),
    fullDescription: param.description,
    hasDefault,
    default: param.default,
    required: !hasDefault && param.optional !== true,
    example: hasDefault ? param.default : exampleValue(param.type),
  };
}

function exampleValue(type: ParamType): unknown {
  switch (type) {
    case "string":
      return "example";
    case "number":
      return 1;
    case "boolean":
      return true;
    case "string[]":
      return ["example"];
    default:
      return type.enum[0];
  }
}
