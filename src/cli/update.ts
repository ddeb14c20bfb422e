// `create-custom-llm update`: the exit codes and what is printed. The work is src/update (the library's
// updateWrapper, in steps, so that only the write is shielded from Ctrl-C).
import { resolve } from "node:path";
import { SpecError } from "../validate/spec-error.js";
import { TypecheckError } from "../check/typecheck-error.js";
import type { UpdateResult } from "../update/update-wrapper.js";
import type { WrapperUpdate } from "../update/plan-update.js";
import { UpdateError } from "../update/update-error.js";
import { Cancelled, InputError } from "./errors.js";
import { exitOnInterrupt, uninterrupted } from "./interrupt.js";
import { packageFlags } from "./package-flags.js";
import { readSpecFile } from "./spec-file.js";
import type { SpecInput } from "../spec/schema.js";
import type { UpdateCliOptions } from "./update-args.js";

/** Exit codes of `update` beyond generate's 0, 1, 2 and 130: the files were written and need a look. */
export const UPDATE_EXIT = { conflicts: 3, typeErrors: 4 } as const;

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

const WHAT: Record<WrapperUpdate["files"][number]["change"], string> = {
  unchanged: "",
  updated: "updated",
  merged: "merged with your edits",
  conflict: "CONFLICT",
  added: "added",
  deleted: "deleted by you, stays deleted",
  dropped: "no longer generated, left as it is",
};

export async function runUpdate(options: UpdateCliOptions): Promise<number> {
  try {
    return await update(options);
  } catch (error) {
    if (error instanceof Cancelled) {
      err(`\n${error.message}`);
      return 130;
    }
    if (error instanceof UpdateError || error instanceof InputError || error instanceof SpecError) {
      err(`${error.message}\nNothing was written.`);
      return 2;
    }
    if (error instanceof TypecheckError) {
      err(`${error.message}\nThis is a bug in create-custom-llm (or in a template override); please report it with your spec.`);
      return 1;
    }
    if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string") {
      err(`Nothing was written: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

async function update(options: UpdateCliOptions): Promise<number> {
  const root = resolve(options.dir);
  const pkg = options.adopt ? await packageFlags(options) : undefined;
  const spec = options.ask ? await askAgain(root, options) : options.specPath === undefined ? undefined : readSpecFile(options.specPath);
  exitOnInterrupt();
  const [{ planUpdate }, { checkMerged, conflictsOf, filesToWrite }, { uncommittedFiles }, { recoverInterrupted }] = await Promise.all([
    import("../update/plan-update.js"),
    import("../update/update-wrapper.js"),
    import("../update/git-status.js"),
    import("../write/recover.js"),
  ]);
  // A write into this folder that a kill interrupted is rolled back first, so what is merged is the user's.
  if (!options.dryRun) recoverInterrupted(root).forEach(err);
  const uncommitted = uncommittedFiles(root);
  if (process.stdout.isTTY) out(`Regenerating the wrappers recorded in ${options.dir}…`);
  const wrappers = await planUpdate(root, options.dir, { spec, source: options.specPath, all: options.all, name: options.name, adopt: options.adopt, package: pkg });
  const diagnostics = await checkMerged(root, wrappers);
  const conflicts = conflictsOf(wrappers);
  const result: UpdateResult = { wrappers, diagnostics, uncommitted, written: [], conflicts };
  const changed = filesToWrite(wrappers);
  if (options.dryRun) {
    const { updateDiff } = await import("../update/update-diff.js");
    process.stdout.write(updateDiff(root, wrappers));
    report(result, true);
  } else {
    if (changed.length > 0) {
      const { writeFiles } = await import("../write/write-files.js");
      await uninterrupted(() => writeFiles(root, changed, { force: true, onRecovered: err }));
    }
    report({ ...result, written: changed.map((f) => f.path) }, false);
  }
  if (conflicts.length > 0) return UPDATE_EXIT.conflicts;
  return diagnostics.length > 0 ? UPDATE_EXIT.typeErrors : 0;
}

/** The spec's questions again, in a terminal, each offering the recorded answer. */
async function askAgain(root: string, options: UpdateCliOptions): Promise<SpecInput> {
  if (!process.stdin.isTTY) {
    throw new InputError("update --ask asks the spec's questions again in a terminal, and there is none: edit the spec in the record (.custom-llm/<ClassName>.json), or pass --spec <file>");
  }
  const [{ recordedSpec }, { askWithPrompts }, { askSpec }] = await Promise.all([
    import("../update/plan-update.js"),
    import("./interactive.js"),
    import("../prompts/ask-spec.js"),
  ]);
  const previous = recordedSpec(root, options.dir, options.name) as SpecInput;
  return askWithPrompts((inquirer) => askSpec(inquirer, { previous }));
}

function report({ wrappers, diagnostics, uncommitted, conflicts }: UpdateResult, dryRun: boolean): void {
  const would = (done: string, planned: string) => (dryRun ? planned : done);
  if (uncommitted.length > 0) {
    const shown = uncommitted.slice(0, 8).join(", ") + (uncommitted.length > 8 ? ` and ${uncommitted.length - 8} more` : "");
    err(`Warning: git reports uncommitted changes here (${shown}): commit them first to review and undo the update with git.`);
  }
  for (const w of wrappers) {
    const changes = w.files.filter((c) => c.change !== "unchanged");
    if (changes.every((c) => c.change === "deleted")) {
      const deleted = changes.length === 0 ? "" : `; deleted by you, stays deleted: ${changes.map((c) => c.path).join(", ")}`;
      out(`${w.className}: up to date${deleted}${w.recordChanged ? would("; its record was rewritten", "; its record would be rewritten") : ""}.`);
      continue;
    }
    out(`${w.className}:`);
    for (const c of changes) out(`  ${c.path}: ${WHAT[c.change]}${c.change === "conflict" ? ` at line ${c.lines.join(", ")}` : ""}`);
    if (w.recordChanged) out(`  ${w.record.path}: ${would("moved to the new output", "would move to the new output")}`);
  }
  if (conflicts.length > 0) {
    out(`\n${would("Wrote", "Would write")} ${conflicts.length} conflict(s) between <<<<<<< yours / ======= / >>>>>>> generated markers:`);
    for (const at of conflicts) out(`  ${at}`);
    out("Keep what each needs, remove the markers, then run your tests.");
  }
  if (diagnostics.length > 0) {
    out(`\nThe merged code does not type-check (${would("it was written", "it would be written")} all the same; fix these in your edits):`);
    for (const d of diagnostics) out(`  ${d.file}:${d.line}:${d.column} TS${d.code}: ${d.message}`);
  }
  if (dryRun) out("\nDry run: nothing was written.");
}
