// The declaration snapshot (dist/types/modules): what the type-check of emitted code reads from
// node_modules, for every example and every shape of spec, in both output modes. scripts/build-types.ts
// writes it; the tests use the same cases to prove it checks as a full node_modules does.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { renderFiles, type GeneratedFile, type OutputMode } from "../src/render/render.js";
import { modelKind } from "../src/kinds/index.js";
import { KINDS, TRANSPORTS, type SpecInput } from "../src/spec/schema.js";
import { checkConfig } from "../src/check/check-config.js";
import { morphDiagnostics } from "../src/check/morph-check.js";
import type { EmittedDiagnostic } from "../src/check/typecheck-error.js";
import { validateSpec } from "../src/validate/validate-spec.js";

const REPO = join(import.meta.dirname, "..");
export const FULL_MODULES = join(REPO, "node_modules");

/** What the snapshot keeps: declarations, and the package.json files module resolution reads. */
export const isKept = (path: string) => /\.d\.[mc]?ts$/.test(path) || path.endsWith("/package.json");

/**
 * Every shape of spec: one value from each list. A new transport joins through TRANSPORTS; a new kind of
 * model is one more list here.
 */
const SHAPES = { kind: KINDS, transport: TRANSPORTS, streaming: [false, true] } as const;

/** What a transport needs besides the shape's fields. */
const NEEDS: Partial<Record<(typeof TRANSPORTS)[number], Partial<SpecInput>>> = {
  "http-json": { httpJson: { url: "https://llm.example/v1/generate", promptField: "prompt", responsePath: "text" } },
};

function shapes(): { name: string; spec: SpecInput }[] {
  let all: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(SHAPES)) all = all.flatMap((shape) => values.map((v) => ({ ...shape, [key]: v })));
  // A kind that cannot use a transport (a chat model over http-json) is a spec error, not a shape.
  const served = all.filter((shape) => !modelKind(shape.kind as SpecInput["kind"]).unsupported[shape.transport as (typeof TRANSPORTS)[number]]);
  return served.map((shape) => ({
    name: Object.values(shape).join(" "),
    spec: {
      name: "ShapeLLM",
      description: "One shape of spec.",
      params: [{ name: "model", type: "string", default: "m-1", description: "Model." }],
      secrets: [{ name: "apiKey", env: "SHAPE_API_KEY", description: "Key." }],
      ...shape,
      ...NEEDS[shape.transport as keyof typeof NEEDS],
    },
  }));
}

export function examples(): { name: string; spec: SpecInput }[] {
  const dir = join(REPO, "examples");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ name: f, spec: JSON.parse(readFileSync(join(dir, f), "utf8")) as SpecInput }));
}

/** Wrapper mode: into a repo of ES modules, or of CommonJS (which reads other declarations: `require` types). */
const WRAPPER_REPOS = [{ type: "module" }, { type: "commonjs" }];

export interface CheckCase {
  name: string;
  files: GeneratedFile[];
}

/** Every example and every shape, rendered as a package and as a wrapper into each kind of repo. */
export function snapshotCases(): CheckCase[] {
  const cases: CheckCase[] = [];
  for (const { name, spec } of [...examples(), ...shapes()]) {
    const valid = validateSpec(spec, name);
    const render = (mode: OutputMode) => renderFiles(valid, mode);
    cases.push({ name: `${name}, package`, files: render("package") });
    for (const repo of WRAPPER_REPOS) {
      const manifest = { path: "package.json", contents: JSON.stringify(repo) };
      cases.push({ name: `${name}, wrapper (${repo.type})`, files: [...render("wrapper"), manifest] });
    }
  }
  return cases;
}

/** The check of one case with what the emitted code imports read from `modules`, and the files it looked for. */
export function checkWith(modules: string, files: readonly GeneratedFile[]): { diagnostics: EmittedDiagnostic[]; found: Set<string>; missed: Set<string> } {
  const found = new Set<string>();
  const missed = new Set<string>();
  const diagnostics = morphDiagnostics(files, checkConfig(undefined, modules), (path, there) => (there ? found : missed).add(path));
  return { diagnostics, found, missed };
}

/**
 * Every case in its own folder (`case-<i>/`, with its own package.json where it has one), for one check
 * of them all: the declarations are parsed and bound once, not once per case, and module resolution is
 * per file, so the check reads what the cases' own checks would.
 */
function allInOne(cases: readonly CheckCase[]): GeneratedFile[] {
  return cases.flatMap((c, i) => c.files.map((f) => ({ ...f, path: `case-${i}/${f.path}` })));
}

/**
 * Copies what the check of `cases` reads from the full node_modules into `snapshot`. Throws, naming the
 * case, if one does not type-check.
 */
export function writeSnapshot(cases: readonly CheckCase[], snapshot: string): string[] {
  const { diagnostics, found: read } = checkWith(FULL_MODULES, allInOne(cases));
  if (diagnostics.length > 0) {
    const [first] = diagnostics;
    const name = cases[Number(/^case-(\d+)\//.exec(first!.file)?.[1])]?.name ?? first!.file;
    throw new Error(`${name} does not type-check:\n${JSON.stringify(diagnostics, null, 2)}`);
  }
  rmSync(snapshot, { recursive: true, force: true });
  const kept = [...read].filter(isKept).sort();
  for (const path of kept) {
    mkdirSync(dirname(join(snapshot, path)), { recursive: true });
    copyFileSync(join(FULL_MODULES, path), join(snapshot, path));
  }
  return kept;
}

/**
 * The declarations (and package.json files) the check of `cases` looks for in `snapshot` and does not
 * find there, though the full node_modules has them: what the snapshot lacks.
 */
export function missingFrom(snapshot: string, cases: readonly CheckCase[]): string[] {
  const { missed } = checkWith(snapshot, allInOne(cases));
  return [...missed].filter((path) => isKept(path) && existsSync(join(FULL_MODULES, path))).sort();
}
