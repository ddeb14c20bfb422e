// `npx plop llm-update` in a team's repo that loads this package with `plop.load`: `create-custom-llm
// update --all` as a plop generator, for repos that run everything through plop.
import type { CustomActionFunction, NodePlopAPI } from "node-plop";

export const UPDATE_GENERATOR = "llm-update";
const ACTION = "custom-llm-update";

/**
 * Regenerates every wrapper recorded in the repo at plop's dest and merges the new output into the files
 * there (src/update). Conflicts are written between markers and fail the action, naming each file and line.
 */
const updateAll: CustomActionFunction = async (_answers, _config, plop) => {
  const { updateWrapper } = await import("../update/update-wrapper.js");
  const result = await updateWrapper(plop.getDestBasePath(), { all: true, onRecovered: (message) => void process.stderr.write(`${message}\n`) });
  if (result.conflicts.length > 0) {
    throw new Error(`written with conflicts between <<<<<<< yours / >>>>>>> generated markers, resolve them at: ${result.conflicts.join(", ")}`);
  }
  if (result.diagnostics.length > 0) {
    throw new Error(`written, but the merged code does not type-check: ${result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} TS${d.code}: ${d.message}`).join("; ")}`);
  }
  const changed = result.written.filter((path) => !path.startsWith(".custom-llm/"));
  return changed.length === 0 ? "every wrapper is up to date" : changed.join(", ");
};

/** Registers `llm-update`: no questions; the records say what to regenerate. */
export function registerUpdateGenerator(plop: NodePlopAPI): void {
  plop.setActionType(ACTION, updateAll);
  plop.setGenerator(UPDATE_GENERATOR, {
    description: "update every LLM wrapper recorded in this repo: regenerate from .custom-llm/ and merge, keeping your edits",
    prompts: [],
    actions: [{ type: ACTION }],
  });
}
