import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** A package the emitted files import that the repo does not declare. */
export interface MissingPackage {
  name: string;
  /** Only the test imports it: a devDependency. */
  dev: boolean;
}

/** What the emitted class (`@langchain/core`) and its test (`vitest`) import. */
const NEEDED: readonly MissingPackage[] = [
  { name: "@langchain/core", dev: false },
  { name: "vitest", dev: true },
];

type Manifest = { dependencies?: object; devDependencies?: object; peerDependencies?: object; optionalDependencies?: object; workspaces?: unknown };

function readManifest(dir: string): Manifest | undefined {
  const file = join(dir, "package.json");
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

const declares = (manifest: Manifest, name: string): boolean =>
  [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies, manifest.optionalDependencies].some(
    (deps) => deps !== undefined && Object.hasOwn(deps, name),
  );

/** The workspace root above `root` (a package.json with `workspaces`, or pnpm's workspace file), if any. */
function workspaceRoot(root: string): string | undefined {
  for (let dir = dirname(root); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml")) || readManifest(dir)?.workspaces !== undefined) return dir;
  }
  return undefined;
}

/**
 * The packages the emitted files import that the repo at `root` does not declare, in its package.json or
 * its workspace root's. Declared, not merely resolvable: a copy that only this generator's own install
 * brought in would make the emitted test pass here and fail on a fresh clone.
 */
export function missingPackages(root: string): MissingPackage[] {
  const manifests = [readManifest(root), ...[workspaceRoot(root)].filter((d) => d !== undefined).map(readManifest)].filter(
    (m): m is Manifest => m !== undefined,
  );
  return NEEDED.filter((p) => !manifests.some((m) => declares(m, p.name)));
}

/** The commands that add `missing`, for the package manager whose lockfile the repo has (npm's otherwise). */
export function addCommands(root: string, missing: readonly MissingPackage[], versions: Record<string, string>): string[] {
  const lock = (file: string) => existsSync(join(root, file));
  const [add, dev] = lock("pnpm-lock.yaml")
    ? ["pnpm add", "pnpm add -D"]
    : lock("yarn.lock")
      ? ["yarn add", "yarn add -D"]
      : lock("bun.lock") || lock("bun.lockb")
        ? ["bun add", "bun add -d"]
        : ["npm install", "npm install -D"];
  const spec = (p: MissingPackage) => `${p.name}@${versions[p.name] ?? "latest"}`;
  const runtime = missing.filter((p) => !p.dev).map(spec);
  const tests = missing.filter((p) => p.dev).map(spec);
  return [...(runtime.length > 0 ? [`${add} ${runtime.join(" ")}`] : []), ...(tests.length > 0 ? [`${dev} ${tests.join(" ")}`] : [])];
}
