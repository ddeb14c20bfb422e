import type { checkbox, confirm, input, select } from "@inquirer/prompts";

/**
 * The prompts the questions are asked with: `@inquirer/prompts`' own, on the bin's path and on plop's
 * (`npx plop llm`, `plop.load`) alike, so both show the same questions. Passed in, so a test can answer them.
 */
export interface Inquirer {
  input: typeof input;
  confirm: typeof confirm;
  select: typeof select;
  checkbox: typeof checkbox;
}

type Check = (value: string) => true | string | Promise<true | string>;

/** A question shows `?` before it, asked or answered: what the README's sample run shows. */
const theme = { prefix: { idle: "?", done: "?" } };

/**
 * Asks one free-text question; the answer is trimmed and must pass `validate` before it is accepted.
 * A default is shown in brackets, `Secret field name: [apiKey]`, and taken on Enter: the prompt's own
 * rendering puts it in parentheses, which the docs and the yes/no hint `(Y/n)` do not use for values.
 */
export async function askText(inquirer: Inquirer, message: string, options: { default?: string; validate?: Check } = {}): Promise<string> {
  const byDefault = options.default;
  const read = (text: string): string => (text.trim() === "" && byDefault !== undefined ? byDefault : text.trim());
  const text = await inquirer.input({
    message: byDefault === undefined ? message : `${message} [${byDefault}]`,
    // An empty line is checked as the default it stands for.
    validate: (typed: string) => (options.validate ? options.validate(read(typed)) : true),
    theme,
  });
  return read(text);
}

/** Asks a yes/no question; the default shows as the capital letter of `(Y/n)`. */
export async function askYesNo(inquirer: Inquirer, message: string, byDefault: boolean): Promise<boolean> {
  return inquirer.confirm({ message, default: byDefault, theme });
}

/** Asks to pick one of `choices` with the arrow keys; `short` is what stays on screen once one is picked. */
export async function askChoice<T>(
  inquirer: Inquirer,
  message: string,
  choices: { name: string; value: T; short?: string }[],
  byDefault?: T,
): Promise<T> {
  return inquirer.select<T>({ message, choices, default: byDefault as never, loop: false, theme });
}

/** Asks to tick any of `choices` (space ticks or unticks one, Enter takes the ticked ones). */
export async function askChecked<T>(inquirer: Inquirer, message: string, choices: { name: string; value: T; checked: boolean }[]): Promise<T[]> {
  return inquirer.checkbox<T>({ message, choices, loop: false, theme });
}
