// The default checker: TypeScript 7's native compiler, through its asynchronous API: a child process that
// keeps every parsed declaration file from one check to the next, and works while prettier runs in its
// worker thread (README, Performance).
import type { ChildProcess } from "node:child_process";
import { join, relative } from "node:path";
import type { API, Diagnostic, Snapshot } from "typescript-native/unstable/async";
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
  compiler: ChildProcess;
  /** Rejects when the compiler process ends: its pending requests would never be answered. */
  ended: Promise<never>;
  folder: CheckFolder;
  tsconfig: string;
  opened: boolean;
  /** The last check queued: checks of one session run one at a time (they share its folder). */
  queue: Promise<unknown>;
  /** Checks queued or running. */
  busy: number;
}

/** By root; a promise, so checks started together share one session. */
const sessions = new Map<string, Promise<Session>>();

/**
 * The API's connection to its compiler process, which its types keep private: we start it ourselves to
 * learn whether the binary exists, and unref the process so an idle compiler does not keep ours alive.
 * typescript-native is pinned (7.0.2); every check goes through here, so a changed shape fails the tests.
 */
interface ApiClient {
  connect(): Promise<void>;
  process?: ChildProcess;
}

function clientOf(api: API): ApiClient {
  const client = (api as unknown as { client?: Partial<ApiClient> }).client;
  if (typeof client?.connect !== "function") throw new Error("internal: typescript-native's API changed (no client.connect)");
  return client as ApiClient;
}

/**
 * Ends an idle compiler process by closing its input, and has Node wait the few ms until it has exited
 * by itself (SIGTERM at our exit once made one print "context canceled" on our stderr). One still busy
 * (a background check nobody waits for: see prewarm.ts) is killed at once, so it never delays our exit;
 * SIGKILL leaves it no time to print.
 */
function close(session: Session): void {
  if (session.busy > 0) {
    session.compiler.kill("SIGKILL");
    return;
  }
  session.compiler.ref();
  session.api.close().catch(() => undefined);
}

/** Closes the compiler processes when ours has nothing left to do. */
function closeSessions(): void {
  for (const session of sessions.values()) session.then(close, () => undefined);
  sessions.clear();
}

/** At process.exit() (Ctrl-C while generating), compilers still running would go on working for no one. */
const compilers = new Set<ChildProcess>();
function killCompilers(): void {
  for (const compiler of compilers) if (compiler.exitCode === null && compiler.signalCode === null) compiler.kill("SIGKILL");
}

function getSession(config: CheckConfig): Promise<Session> {
  let session = sessions.get(config.root);
  if (!session) {
    if (sessions.size === 0) process.once("beforeExit", closeSessions);
    if (compilers.size === 0) process.once("exit", killCompilers);
    session = startSession(config);
    sessions.set(config.root, session);
    const started = session;
    started.catch(() => sessions.get(config.root) === started && sessions.delete(config.root));
  }
  return session;
}

async function startSession(config: CheckConfig): Promise<Session> {
  const { API } = await import("typescript-native/unstable/async");
  const folder = config.repo === undefined ? diskFolder(packageRoot(), IMPORTED_PACKAGES) : memoryFolder(config.repo);
  const api = new API({ cwd: folder.root, fs: folder.fs });
  const client = clientOf(api);
  try {
    await client.connect();
  } catch (error) {
    // No binary for this platform (an optional dependency), or it cannot be started.
    throw new NativeCheckerUnavailable((error as Error).message, { cause: error });
  }
  const compiler = client.process;
  if (!compiler) throw new Error("internal: typescript-native's API changed (no client.process)");
  compilers.add(compiler);
  compiler.once("exit", () => compilers.delete(compiler));
  // Idle, the compiler must not keep this process alive; a check holds a timer while it waits.
  compiler.unref();
  for (const pipe of [compiler.stdin, compiler.stdout]) (pipe as { unref?: () => void } | null)?.unref?.();
  const ended = new Promise<never>((_, reject) => {
    compiler.once("exit", (code, signal) => reject(new Error(`the native compiler exited (${signal ?? `code ${code}`})`)));
  });
  ended.catch(() => undefined); // observed by the check running then, if any
  return { api, compiler, ended, folder, tsconfig: join(folder.root, TSCONFIG), opened: false, queue: Promise.resolve(), busy: 0 };
}

/** Puts this check's files in place of the last one's and tells the compiler what changed. */
async function update(session: Session, files: readonly GeneratedFile[], config: CheckConfig): Promise<Snapshot> {
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

/**
 * The compiler errors in the emitted .ts files, located in those files. A `background` check does not
 * keep this process alive: if nothing else does, the process exits and the check is dropped.
 */
export async function nativeDiagnostics(files: readonly GeneratedFile[], config: CheckConfig, background = false): Promise<EmittedDiagnostic[]> {
  const session = await getSession(config);
  session.busy++;
  const check = session.queue.then(() => checkNow(session, files, config)).finally(() => session.busy--);
  session.queue = check.catch(() => undefined);
  // The compiler works in its own process; this timer keeps ours alive until it answers.
  const alive = background ? undefined : setInterval(() => undefined, 1 << 30);
  try {
    return await Promise.race([check, session.ended]);
  } catch (error) {
    // The compiler process is gone or confused: the next check starts a fresh one.
    const current = sessions.get(config.root);
    if (current && (await current.catch(() => undefined)) === session) sessions.delete(config.root);
    close(session);
    throw error;
  } finally {
    clearInterval(alive);
  }
}

async function checkNow(session: Session, files: readonly GeneratedFile[], config: CheckConfig): Promise<EmittedDiagnostic[]> {
  const snapshot = await update(session, files, config);
  try {
    const project = snapshot.getProject(session.tsconfig);
    if (!project) throw new Error(`internal: the native compiler did not open ${session.tsconfig}`);
    const { program } = project;
    // All asked at once: the compiler answers them in turn without waiting for this thread in between.
    const found = await Promise.all([
      program.getConfigFileParsingDiagnostics(),
      program.getProgramDiagnostics(),
      program.getGlobalDiagnostics(),
      ...files.flatMap((f) => {
        const path = join(session.folder.root, f.path);
        return [program.getSyntacticDiagnostics(path), program.getSemanticDiagnostics(path)];
      }),
    ]);
    return found.flat().filter((d) => d.category === ERROR).map((d) => located(d, session.folder));
  } finally {
    await snapshot.dispose();
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
