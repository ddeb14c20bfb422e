import type { DynamicPromptsFunction } from "node-plop";

/** The inquirer that node-plop hands a generator's prompts function (inquirer 9). */
export type Inquirer = Parameters<DynamicPromptsFunction>[0];

type Check = (value: string) => true | string | Promise<true | string>;

/**
 * Asks one free-text question; the answer is trimmed and must pass `validate` before it is accepted.
 * A default is shown in brackets, `Secret field name: [apiKey]`, and taken on Enter: inquirer's own
 * rendering puts it in parentheses, which the docs and the yes/no hint `(Y/n)` do not use for values.
 */
export async function askText(inquirer: Inquirer, message: string, options: { default?: string; validate?: Check } = {}): Promise<string> {
  const byDefault = options.default;
  const read = (text: string): string => (text.trim() === "" && byDefault !== undefined ? byDefault : text.trim());
  const { value } = await inquirer.prompt<{ value: string }>([
    {
      type: "input",
      name: "value",
      message: byDefault === undefined ? message : `${message} [${byDefault}]`,
      // inquirer validates the filtered value, so an empty line is checked as the default it stands for.
      filter: read,
      validate: (text: string) => (options.validate ? options.validate(read(text)) : true),
    },
  ]);
  return value;
}

/** Asks a yes/no question; inquirer shows the default as the capital letter of `(Y/n)`. */
export async function askYesNo(inquirer: Inquirer, message: string, byDefault: boolean): Promise<boolean> {
  const { value } = await inquirer.prompt<{ value: boolean }>([{ type: "confirm", name: "value", message, default: byDefault }]);
  return value;
}

/** Asks to pick one of `choices` with the arrow keys; `short` is what stays on screen once one is picked. */
export async function askChoice<T>(
  inquirer: Inquirer,
  message: string,
  choices: { name: string; value: T; short?: string }[],
  byDefault?: T,
): Promise<T> {
  const { value } = await inquirer.prompt<{ value: T }>([
    { type: "list", name: "value", message, choices, default: byDefault, loop: false },
  ]);
  return value;
}
