// The default checker: TypeScript 7's native compiler, through its synchronous API: a child process that
// keeps every parsed declaration file from one check to the next (README, Performance).
import { join, relative } from "node:path";
import type { API, Diagnostic, Snapshot } from "typescript-native/unstable/sync";
import { packageRoot } from "../paths.js";
import type { GeneratedFile } from "../render/render.js";
import type { CheckConfig } from "./check-config.js";
import { diskFolder, memoryFolder, type CheckFolder } from "./check-folder.js";
import type { EmittedDiagnostic } from "./typecheck-error.js";

/** The native binary is not installed for this platform: the caller falls back to the ts-morph checker. */
export class NativeCheckerUnavailable extends Error {
  override name = "NativeCheckerUnavailable";
}

// A name no repo uses for its own tsconfig: the repo's real one stays out of the check.
const TSCONFIG = "tsconfig.create-custom-llm-check.json";
const ERROR = 1; // DiagnosticCategory.Error
/** What the emitted package code imports; linked into the check folder (package mode). */
const IMPORTED_PACKAGES = ["@langchain/core", "vitest"];

/** One compiler process per target (a repo, or new packages), and where it reads the files. */
interface Session {
  api: API;
  folder: CheckFolder;
  tsconfig: string;
  opened: boolean;
}

const sessions = new Map<string, Session>();

/**
 * Closes the compiler processes when ours has nothing left to do, rather than leaving them to the API's
 * exit handler (a SIGTERM): once in ~40 runs a compiler so ended printed "context canceled" on our stderr.
 */
function closeSessions(): void {
  for (const session of sessions.values()) session.api.close();
  sessions.clear();
}

async function getSession(config: CheckConfig): Promise<Session> {
  const existing = sessions.get(config.root);
  if (existing) return existing;
  const { API } = await import("typescript-native/unstable/sync");
  const folder = config.repo === undefined ? diskFolder(packageRoot(), IMPORTED_PACKAGES) : memoryFolder(config.repo);
  let api: API;
  try {
    api = new API({ cwd: folder.root, fs: folder.fs });
  } catch (error) {
    // Thrown before anything is spawned: no binary for this platform (an optional dependency).
    throw new NativeCheckerUnavailable((error as Error).message, { cause: error });
  }
  if (sessions.size === 0) process.once("beforeExit", closeSessions);
  const session: Session = { api, folder, tsconfig: join(folder.root, TSCONFIG), opened: false };
  sessions.set(config.root, session);
  return session;
}

/** Puts this check's files in place of the last one's and tells the compiler what changed. */
function update(session: Session, files: readonly GeneratedFile[], config: CheckConfig): Snapshot {
  const { root } = session.folder;
  // The text as it will be on disk, UTF-8 (a lone surrogate becomes U+FFFD): the compiler's JSON decoder
  // panics on a lone surrogate (found by test/property.test.ts).
  const onDisk = (text: string) => Buffer.from(text, "utf8").toString("utf8");
  const next = new Map(files.map((f) => [join(root, f.path), onDisk(f.contents)]));
  // `include` of the emitted folders, not a `files` list: the config stays the same from one check to the
  // next, so the compiler keeps its project (a changed config costs ~150 ms more).
  const include = [...new Set(files.map((f) => f.path.split("/").slice(0, -1).join("/") || f.path))];
  next.set(session.tsconfig, JSON.stringify({ compilerOptions: config.compilerOptions, include }));
  const changes = session.folder.write(next);
  if (session.opened) return session.api.updateSnapshot({ fileChanges: changes });
  session.opened = true;
  return session.api.updateSnapshot({ openProjects: [session.tsconfig] });
}

/** The compiler errors in the emitted .ts files, located in those files. */
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
      const path = join(session.folder.root, f.path);
      found.push(...program.getSyntacticDiagnostics(path), ...program.getSemanticDiagnostics(path));
    }
    return found.filter((d) => d.category === ERROR).map((d) => located(d, session.folder));
  } finally {
    snapshot.dispose();
  }
}

function located(d: Diagnostic, folder: CheckFolder): EmittedDiagnostic {
  const text = d.fileName === undefined ? undefined : folder.files.get(d.fileName);
  const before = text === undefined ? [""] : text.slice(0, d.pos).split("\n");
  return {
    file: d.fileName === undefined ? "(unknown)" : relative(folder.root, d.fileName),
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
