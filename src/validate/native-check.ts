// The default checker: TypeScript 7's native compiler, through its synchronous API (a child process that
// keeps every parsed declaration file between checks). About 4x faster than TypeScript 5 on a first check
// and ~10x on the next one (README, Performance). The emitted files never touch the disk: the compiler
// reads them through file-system callbacks and everything else from the real disk.
import { basename, dirname, join, relative } from "node:path";
import type { API, Diagnostic, Snapshot } from "typescript-native/unstable/sync";
import type { GeneratedFile } from "../render/render.js";
import type { CheckConfig } from "./check-config.js";
import type { EmittedDiagnostic } from "./typecheck-error.js";

/** The native binary is not installed for this platform: the caller falls back to the ts-morph checker. */
export class NativeCheckerUnavailable extends Error {
  override name = "NativeCheckerUnavailable";
}

// A name no repo uses for its own tsconfig: the repo's real one stays out of the check.
const TSCONFIG = "tsconfig.create-custom-llm-check.json";
const ERROR = 1; // DiagnosticCategory.Error

/** One compiler process per root, and the in-memory files it sees there. */
interface Session {
  api: API;
  tsconfig: string;
  files: Map<string, string>;
  /** Folders holding our files, each with the names of its entries (files and sub-folders). */
  dirs: Map<string, { files: string[]; directories: string[] }>;
  opened: boolean;
}

const sessions = new Map<string, Session>();

async function getSession(config: CheckConfig): Promise<Session> {
  const existing = sessions.get(config.root);
  if (existing) return existing;
  const { API } = await import("typescript-native/unstable/sync");
  const files = new Map<string, string>();
  const dirs: Session["dirs"] = new Map();
  let api: API;
  try {
    api = new API({
      cwd: config.root,
      fs: {
        // undefined: not one of ours, read the real disk.
        readFile: (path) => files.get(path),
        fileExists: (path) => (files.has(path) ? true : undefined),
        directoryExists: (path) => (dirs.has(path) ? true : undefined),
        // Our folders list only our files, so `include` never takes up a repo's own files in them.
        getAccessibleEntries: (path) => dirs.get(path),
      },
    });
  } catch (error) {
    // Thrown before anything is spawned: no binary for this platform (an optional dependency).
    throw new NativeCheckerUnavailable((error as Error).message, { cause: error });
  }
  const session: Session = { api, tsconfig: join(config.root, TSCONFIG), files, dirs, opened: false };
  sessions.set(config.root, session);
  return session;
}

/** Puts this check's files in place of the last one's and tells the compiler what changed. */
function update(session: Session, files: readonly GeneratedFile[], config: CheckConfig): Snapshot {
  // The text as it will be on disk, UTF-8 (a lone surrogate becomes U+FFFD): the compiler's JSON decoder
  // panics on a lone surrogate (found by test/property.test.ts).
  const onDisk = (text: string) => Buffer.from(text, "utf8").toString("utf8");
  const next = new Map(files.map((f) => [join(config.root, f.path), onDisk(f.contents)]));
  // `include` of the emitted folders, not a `files` list: the config stays the same from one check to the
  // next, so the compiler keeps its project (a changed config costs ~150 ms more).
  const include = [...new Set(files.map((f) => f.path.split("/").slice(0, -1).join("/") || f.path))];
  const tsconfig = JSON.stringify({ compilerOptions: config.compilerOptions, include });
  next.set(session.tsconfig, tsconfig);
  const changed: string[] = [];
  const created: string[] = [];
  const deleted = [...session.files.keys()].filter((path) => !next.has(path));
  for (const [path, contents] of next) {
    const old = session.files.get(path);
    if (old === undefined) created.push(path);
    else if (old !== contents) changed.push(path);
  }
  session.files.clear();
  session.dirs.clear();
  for (const [path, contents] of next) {
    session.files.set(path, contents);
    entriesOf(session.dirs, dirname(path)).files.push(basename(path));
    for (let dir = dirname(path); dir.length > config.root.length; dir = dirname(dir)) {
      const entries = entriesOf(session.dirs, dirname(dir)).directories;
      if (!entries.includes(basename(dir))) entries.push(basename(dir));
    }
  }
  if (session.opened) return session.api.updateSnapshot({ fileChanges: { changed, created, deleted } });
  session.opened = true;
  return session.api.updateSnapshot({ openProjects: [session.tsconfig] });
}

function entriesOf(dirs: Session["dirs"], dir: string): { files: string[]; directories: string[] } {
  let entries = dirs.get(dir);
  if (!entries) dirs.set(dir, (entries = { files: [], directories: [] }));
  return entries;
}

/** The compiler errors in the emitted .ts files, which sit in memory under `config.root`. */
export async function nativeDiagnostics(files: readonly GeneratedFile[], config: CheckConfig): Promise<EmittedDiagnostic[]> {
  const session = await getSession(config);
  let snapshot: Snapshot;
  try {
    snapshot = update(session, files, config);
  } catch (error) {
    // The compiler process is gone or confused: the next check starts a fresh one.
    sessions.delete(config.root);
    try {
      session.api.close();
    } catch {
      // Already gone: nothing to close.
    }
    throw error;
  }
  try {
    const project = snapshot.getProject(session.tsconfig);
    if (!project) throw new Error(`internal: the native compiler did not open ${session.tsconfig}`);
    const { program } = project;
    const found = [...program.getConfigFileParsingDiagnostics(), ...program.getProgramDiagnostics(), ...program.getGlobalDiagnostics()];
    for (const f of files) {
      const path = join(config.root, f.path);
      found.push(...program.getSyntacticDiagnostics(path), ...program.getSemanticDiagnostics(path));
    }
    return found.filter((d) => d.category === ERROR).map((d) => located(d, config.root, session.files));
  } finally {
    snapshot.dispose();
  }
}

function located(d: Diagnostic, root: string, files: ReadonlyMap<string, string>): EmittedDiagnostic {
  const text = d.fileName === undefined ? undefined : files.get(d.fileName);
  const before = text === undefined ? [""] : text.slice(0, d.pos).split("\n");
  return {
    file: d.fileName === undefined ? "(unknown)" : relative(root, d.fileName),
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
    code: d.code,
    message: flatten(d),
  };
}

/** A message and its chain of causes, indented like `tsc` prints them. */
function flatten(d: Diagnostic, depth = 0): string {
  const own = `${"  ".repeat(depth)}${d.text}`;
  return [own, ...(d.messageChain ?? []).map((c) => flatten(c, depth + 1))].join("\n");
}
