import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE, loadConfig, type LoadedConfig } from "../config/load-config.js";
import { generateFiles } from "../generate.js";
import type { PackageOptions } from "../package/package-options.js";
import type { GeneratedFile, OutputMode } from "../render/render.js";
import { readRecord, recordPath, recordPaths, type GenerationRecord } from "../record/record.js";
import { fileChange, type FileChange } from "./file-change.js";
import { UpdateError } from "./update-error.js";

export interface UpdateOptions {
  /** A new spec for the wrapper (replaces the record's); without it the record's spec is regenerated. */
  spec?: unknown;
  /** Where `spec` came from, for error messages, e.g. its file name. */
  source?: string;
  /** Update every wrapper recorded in the folder (a repo's, after a conventions change). */
  all?: boolean;
  /** The class name of the recorded wrapper to update, when the folder records several. */
  name?: string;
  /** A wrapper generated without a record: take `spec`, treat the files on disk as edited, write a record. */
  adopt?: boolean;
  /** Adopting a package: its flags (scope, author, year), as generate takes them. */
  package?: PackageOptions;
  /** Where templates are read from; tests point it at a changed copy. */
  templatesDir?: string;
}

/** The update of one recorded wrapper: what happens to each of its files, and its new record. */
export interface WrapperUpdate {
  className: string;
  mode: OutputMode;
  files: FileChange[];
  /** The record after the update: the new output as generated, and the spec it came from. */
  record: GeneratedFile;
  recordChanged: boolean;
  /** The wrapper's files as they will be on disk, for the type-check of the merged code. */
  final: GeneratedFile[];
  /** Some file keeps edits of its user: the merged result needs its own type-check. */
  edited: boolean;
}

const noRecordHelp = (dir: string): string =>
  `No record of a generation in ${dir} (${recordPath("<ClassName>")}): it was generated before records were written, or elsewhere. ` +
  `Adopt it with: create-custom-llm update ${dir} --adopt --spec <its spec.json> ` +
  "(the files as they are are kept as your edits, and a record is written for the next update).";

/** Which records to update: one (the only one, the one named, or the one the new spec names) or --all. */
function selectRecords(root: string, shown: string, options: UpdateOptions): string[] {
  const all = recordPaths(root);
  if (options.adopt) {
    if (options.spec === undefined) throw new UpdateError("--adopt needs the wrapper's spec: pass --spec <file.json>");
    return [];
  }
  if (all.length === 0) throw new UpdateError(noRecordHelp(shown));
  if (options.all) {
    if (options.spec !== undefined) throw new UpdateError("--spec changes one wrapper: leave out --all and pass the class name with --name");
    return all;
  }
  const wanted = options.name ?? (all.length > 1 ? (options.spec as { name?: unknown } | undefined)?.name : undefined);
  if (typeof wanted === "string") {
    if (all.includes(recordPath(wanted))) return [recordPath(wanted)];
    throw new UpdateError(`${shown} records no wrapper ${wanted}; it records ${all.map(classOf).join(", ")}. Pass one of them with --name, or --all.`);
  }
  if (all.length > 1) throw new UpdateError(`${shown} records ${all.length} wrappers (${all.map(classOf).join(", ")}): pass --name <ClassName> for one, or --all.`);
  return all;
}

/** The spec in the record of the one wrapper an update of `root` would take (`name` picks among several). */
export function recordedSpec(root: string, shown: string, name?: string): unknown {
  const [path] = selectRecords(root, shown, { name });
  return readRecord(root, path!).spec;
}

const classOf = (path: string): string => path.replace(/^.*\//, "").replace(/\.json$/, "");

/** A folder with a repo's conventions holds wrappers; any other holds a package. */
function adoptedMode(root: string): OutputMode {
  if (existsSync(join(root, CONFIG_FILE))) return "wrapper";
  try {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { customLlm?: unknown };
    return pkg.customLlm === undefined ? "package" : "wrapper";
  } catch {
    return "package";
  }
}

const readIfThere = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

/**
 * Regenerates each selected wrapper with this generator, the repo's current conventions and the record's
 * spec (or the new one), and merges each file three ways: the record's output is the base, the file on
 * disk is yours, the new output is the generator's. Reads, writes nothing.
 */
export async function planUpdate(root: string, shown: string, options: UpdateOptions = {}): Promise<WrapperUpdate[]> {
  const plans: WrapperUpdate[] = [];
  // A file two wrappers share (the repo's helpers module) is merged by each in turn: the later merge
  // takes the earlier one's result as the file on disk, as two updates in a row would.
  const pending = new Map<string, string>();
  const current = (path: string): string | undefined => pending.get(path) ?? readIfThere(join(root, path));
  const selected = selectRecords(root, shown, options);
  const adopting = options.adopt ? [undefined] : [];
  // The repo's conventions, read once for all its wrappers (and not at all for a package).
  let conventions: LoadedConfig | undefined;
  for (const path of [...selected, ...adopting]) {
    const old: GenerationRecord | undefined = path === undefined ? undefined : readRecord(root, path);
    const mode = old?.mode ?? adoptedMode(root);
    const config = mode === "wrapper" ? (conventions ??= loadConfig(root)) : undefined;
    const spec = options.spec ?? old!.spec;
    const generated = await generateFiles(spec, {
      mode,
      config,
      source: options.spec === undefined ? path : options.source,
      templatesDir: options.templatesDir,
      ...(old ? old.package : options.package),
    });
    const record = generated.at(-1)!;
    const output = generated.slice(0, -1);
    if (path !== undefined && record.path !== path) {
      throw new UpdateError(`The new spec names the class ${classOf(record.path)}, the record ${classOf(path)}: update does not rename a wrapper. Keep the name, or generate the new one afresh.`);
    }
    if (path === undefined && existsSync(join(root, record.path))) {
      throw new UpdateError(`${record.path} exists already: ${classOf(record.path)} has a record. Run update without --adopt.`);
    }
    // Adopting: the fresh output is the base, so every difference on disk counts as the user's edit.
    const base = old ? old.files : Object.fromEntries(output.map((f) => [f.path, f.contents]));
    const newByPath = new Map(output.map((f) => [f.path, f.contents]));
    const paths = [...new Set([...output.map((f) => f.path), ...Object.keys(base)])];
    const files = paths
      .map((p) => fileChange(p, base[p], newByPath.get(p), current(p), old === undefined))
      .filter((c): c is FileChange => c !== undefined);
    const final = files.flatMap((c): GeneratedFile[] => {
      if (!newByPath.has(c.path) || c.change === "deleted") return [];
      return [{ path: c.path, contents: "contents" in c ? c.contents : current(c.path)! }];
    });
    for (const c of files) if ("contents" in c) pending.set(c.path, c.contents);
    plans.push({
      className: classOf(record.path),
      mode,
      files,
      record,
      recordChanged: readIfThere(join(root, record.path)) !== record.contents,
      final,
      edited: final.some((f) => f.contents !== newByPath.get(f.path)),
    });
  }
  return plans;
}
