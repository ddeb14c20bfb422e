import { diff3Merge } from "node-diff3";

/** The markers a conflict is written with: the user's side first, then the generator's. */
export const MARKERS = { yours: "<<<<<<< yours", between: "=======", generated: ">>>>>>> generated" } as const;

export interface MergedText {
  text: string;
  /** The line (1-based) of each conflict's `<<<<<<< yours` marker in `text`. */
  conflicts: number[];
}

/**
 * Three-way merge by lines: `base` is the output as generated before, `yours` the file as the user left
 * it, `generated` the new output. A change on one side only is taken; the same change on both is taken
 * once; different changes to the same lines are a conflict, written between markers.
 */
export function mergeText(yours: string, base: string, generated: string): MergedText {
  const lines: string[] = [];
  const conflicts: number[] = [];
  const split = (text: string) => text.split("\n");
  for (const region of diff3Merge(split(yours), split(base), split(generated), { excludeFalseConflicts: true })) {
    if (region.ok) {
      lines.push(...region.ok);
      continue;
    }
    const { a, b } = region.conflict!;
    conflicts.push(lines.length + 1);
    lines.push(MARKERS.yours, ...a, MARKERS.between, ...b, MARKERS.generated);
  }
  return { text: lines.join("\n"), conflicts };
}
