/** The package managers whose `npm create`-style runs we recognise, by the first word of their user agent. */
const COMMANDS: Record<string, { install: string; test: string }> = {
  npm: { install: "npm install", test: "npm test" },
  pnpm: { install: "pnpm install", test: "pnpm test" },
  yarn: { install: "yarn", test: "yarn test" },
  // `bun test` would run bun's own test runner, not the package's vitest script.
  bun: { install: "bun install", test: "bun run test" },
};

/**
 * The commands to run next, for the package manager that started us: `npm_config_user_agent` is set by
 * npm, pnpm, yarn and bun (e.g. "pnpm/9.1.0 npm/? node/v20.19.0 linux x64"); anything else gets npm's.
 */
export function nextSteps(userAgent: string | undefined, folder: string): string[] {
  const manager = userAgent?.split("/")[0] ?? "npm";
  const { install, test } = COMMANDS[manager] ?? COMMANDS.npm!;
  return [...(folder === "." ? [] : [`cd ${folder.includes(" ") ? JSON.stringify(folder) : folder}`]), install, test];
}
