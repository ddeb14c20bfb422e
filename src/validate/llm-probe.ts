import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { LLM } from "@langchain/core/language_models/llms";
import ts from "typescript";

/**
 * Every member name an `LLM` and a `BaseChatModel` subclass instance has, read from the real
 * @langchain/core: a constructor param of the same name would shadow it. Run by `npm run build:members`
 * (which writes llm-members.generated.ts) and by test/validate.test.ts, which fails when that file no
 * longer matches the installed core.
 */
export function probeLlmMembers(): string[] {
  class Probe extends LLM {
    _llmType(): string {
      return "probe";
    }
    async _call(): Promise<string> {
      return "";
    }
  }
  return classMembers(new Probe({}), "LLM", "llms");
}

export function probeChatModelMembers(): string[] {
  class Probe extends BaseChatModel {
    _llmType(): string {
      return "probe";
    }
    async _generate(): Promise<never> {
      throw new Error("a probe is never called");
    }
  }
  return classMembers(new Probe({}), "BaseChatModel", "chat_models");
}

/** What an instance of the class has, and what its type declares: a field may take neither name. */
function classMembers(instance: object, className: string, module: string): string[] {
  return [...new Set([...memberNames(instance), ...declaredMembers(className, module)])].sort();
}

/**
 * The members the class's type declares, as its .d.ts files give them: an optional method such as
 * `withStructuredOutput?` on an `LLM` is declared but never defined, so an instance does not show it, yet a
 * field of the same name fails the type-check.
 */
function declaredMembers(className: string, module: string): string[] {
  const file = "probe-declared-members.ts";
  const source = `import { ${className} } from "@langchain/core/language_models/${module}";\ndeclare const probe: ${className};\nexport { probe };\n`;
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, noEmit: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name.endsWith(file) ? source : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name.endsWith(file) || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const probe = program.getSourceFile(file)?.statements.find(ts.isVariableStatement)?.declarationList.declarations[0];
  if (!probe) throw new Error(`internal: cannot read the declared members of ${className}`);
  return checker.getPropertiesOfType(checker.getTypeAtLocation(probe.name)).map((p) => p.getName());
}

function memberNames(instance: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = instance; o; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) names.add(key);
  }
  return [...names];
}
