import { askChecked, askChoice, type Inquirer } from "./ask.js";

/** Which of several operations of an OpenAPI document is the model. */
export async function askOperation(inquirer: Inquirer, labels: readonly string[]): Promise<string> {
  return askChoice(inquirer, "Which operation is the model?", labels.map((label) => ({ name: label, value: label })));
}

/** The params found in the document, all ticked: the user unticks the ones the class should not have. */
export async function askKeptParams(inquirer: Inquirer, params: readonly { name: string; sentAs: string }[]): Promise<string[]> {
  return askChecked(
    inquirer,
    "Params found in the document (space unticks one, Enter keeps the ticked ones):",
    params.map((p) => ({ name: p.name === p.sentAs ? p.name : `${p.name} (${p.sentAs})`, value: p.name, checked: true })),
  );
}
