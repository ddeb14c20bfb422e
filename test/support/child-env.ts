/**
 * The environment for a child process that runs its own tools (vitest, npm): without our vitest's
 * variables, which would make a child vitest think it is a worker of this run.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS"));
  return { ...env, ...extra };
}
