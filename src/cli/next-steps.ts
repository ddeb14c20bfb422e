import { kebabCase } from "change-case";
import { PROVIDER_METHOD } from "../render/contract.js";
import { modelKind } from "../kinds/index.js";
import { transportOf } from "../transports/index.js";
import type { Spec } from "../spec/schema.js";

/** The package managers whose `npm create`-style runs we recognise, by the first word of their user agent. */
const COMMANDS: Record<string, { install: string; test: string; run: string }> = {
  npm: { install: "npm install", test: "npm test", run: "npm run" },
  pnpm: { install: "pnpm install", test: "pnpm test", run: "pnpm run" },
  yarn: { install: "yarn", test: "yarn test", run: "yarn run" },
  // `bun test` would run bun's own test runner, not the package's vitest script.
  bun: { install: "bun install", test: "bun run test", run: "bun run" },
};

const commandsFor = (userAgent: string | undefined) => COMMANDS[userAgent?.split("/")[0] ?? "npm"] ?? COMMANDS.npm!;

/**
 * The commands to run next, for the package manager that started us: `npm_config_user_agent` is set by
 * npm, pnpm, yarn and bun (e.g. "pnpm/9.1.0 npm/? node/v20.19.0 linux x64"); anything else gets npm's.
 */
export function nextSteps(userAgent: string | undefined, folder: string): string[] {
  const { install, test } = commandsFor(userAgent);
  return [...(folder === "." ? [] : [`cd ${folder.includes(" ") ? JSON.stringify(folder) : folder}`]), install, test];
}

/**
 * What the generated class still needs from its user, by transport: the custom one names the method to
 * fill in; an HTTP one says where its URL and credentials go and how to try it against the server.
 */
export function transportSteps(spec: Spec, userAgent: string | undefined): string[] {
  const kind = modelKind(spec.kind);
  const http = transportOf(spec.transport).http(spec, kind);
  const secret = spec.secrets[0];
  if (!http) {
    const method = spec.streaming ? PROVIDER_METHOD.streaming : PROVIDER_METHOD.plain;
    const lines = [`Then fill in ${method}() in src/${kebabCase(spec.name)}.ts with the call to your provider.`];
    if (secret) lines.push(`It receives the credentials, read from ${spec.secrets.map((s) => s.env).join(", ")} or the constructor.`);
    return lines;
  }
  const endpoint = http.path ? `${http.defaultUrl.replace(/\/+$/, "")}${http.path}` : http.defaultUrl;
  const fields = [
    ...spec.params.filter((p) => p.default === undefined && p.optional !== true).map((p) => `${p.name}: ${exampleLiteral(p.type)}`),
    `${http.urlParam}: ${JSON.stringify(http.defaultUrl)}`,
  ];
  const construct = `new ${spec.name}({ ${fields.join(", ")} })`;
  const lines = [
    `${spec.name} calls ${http.protocolName} at ${endpoint}.`,
    `Point it at your server with the ${http.urlParam} constructor field: ${construct}.`,
  ];
  if (secret) {
    const how = secret.header === undefined ? "as the bearer token" : `in the ${secret.header} header`;
    lines.push(`Its API key is read from ${secret.env} (or the ${secret.name} constructor field) and sent ${how}.`);
  }
  lines.push("Try it against the server (after the install):");
  if (secret) lines.push(`  export ${secret.env}=...`);
  const answer = kind.answerText(`${construct}.invoke("Say hello")`);
  const script = `import { ${spec.name} } from "./dist/index.js"; console.log(${answer});`;
  lines.push(`  ${commandsFor(userAgent).run} build`, `  node --input-type=module -e ${shellQuote(script)}`);
  return lines;
}

/** `text` as one POSIX shell word. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** A value of the param's type for the example constructor call. */
function exampleLiteral(type: Spec["params"][number]["type"]): string {
  if (typeof type === "object") return JSON.stringify(type.enum[0]);
  return { string: '"..."', number: "1", boolean: "true", "string[]": '["..."]' }[type];
}
