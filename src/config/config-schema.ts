import { posix } from "node:path";
import { z } from "zod";
import { paramSchema, secretSchema } from "../spec/schema.js";

// A folder inside the repo, written with forward slashes: no absolute paths, no way out through "..".
const folder = z
  .string({ error: 'must be a folder inside the repo, e.g. "src/llms"' })
  .regex(/^(?!\/)(?![A-Za-z]:)(?!.*(^|\/)\.\.(\/|$))[^\\]+$/, { error: 'must be a relative folder inside the repo using "/", e.g. "src/llms"' });

/** A team's conventions, from custom-llm.config.json or the `customLlm` key of package.json. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    folders: z
      .object({ class: folder.default("src"), test: folder.default("src"), docs: folder.default("docs") })
      .strict()
      .default({ class: "src", test: "src", docs: "docs" }),
    fileNaming: z
      .enum(["kebab", "camel", "pascal"], { error: 'must be "kebab" (acme-llm.ts), "camel" (acmeLlm.ts) or "pascal" (AcmeLLM.ts)' })
      .default("kebab"),
    classSuffix: z
      .string({ error: 'must be a string, e.g. "LLM"' })
      .regex(/^[A-Z][A-Za-z0-9]*$/, { error: 'must be PascalCase letters and digits, e.g. "LLM"' })
      .optional(),
    licenseHeader: z
      .string({ error: 'must be a string, e.g. "Copyright (c) Acme Inc."' })
      .refine((text) => !text.includes("*/"), { error: 'must not contain "*/": it is written inside a /* */ comment' })
      .optional(),
    defaults: z
      .object({
        params: z.array(paramSchema, { error: "must be a list of { name, type, description } objects" }).default([]),
        secrets: z.array(secretSchema, { error: "must be a list of { name, env, description } objects" }).default([]),
      })
      .strict()
      .default({ params: [], secrets: [] }),
    templates: folder.optional(),
    sharedHelpers: z
      .string({ error: 'must be the path of a .ts module inside the repo, e.g. "src/llms/llm-helpers.ts"' })
      .regex(/^(?!\/)(?![A-Za-z]:)(?!.*(^|\/)\.\.(\/|$))[^\\]+(?<!\.d|\.test|\.spec)\.ts$/, {
        error: 'must be a relative path inside the repo using "/", of a .ts module that is not a test or .d.ts file, e.g. "src/llms/llm-helpers.ts"',
      })
      // "./src//x.ts" and "src/x.ts" name one file: compared with output paths as written.
      .transform((path) => posix.normalize(path))
      .optional(),
  })
  .strict();

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
