export const USAGE = `Usage: create-custom-llm [target-dir] [options]

Generates a typed LangChain.js LLM wrapper: the class, its vitest tests, a docs page and a package
around them, type-checked against @langchain/core before anything is written. In a terminal it asks
for what it needs; with --spec (or --yes, or no terminal) it never asks.

Options:
  -s, --spec <file>        JSON spec of the wrapper (see schema/spec.schema.json and examples/)
      --from-openapi <file>
                           OpenAPI 3.0/3.1 document (JSON or YAML) of the provider: the spec is read
                           from its chat or completions operation (see docs/openapi.md)
      --operation <id>     the operation to read: its operationId or "POST /path"
  -n, --name <Name>        class name in PascalCase; overrides the spec's "name"
      --streaming          emit token streaming; overrides the spec's "streaming"
      --no-streaming       no token streaming; overrides the spec's "streaming"
  -k, --kind <k>           llm (text completion) | chat (chat model); overrides the spec's "kind"
  -t, --transport <t>      custom | openai-compatible | ollama | http-json; overrides the spec's
                           (in a terminal: answers the transport question)
  -y, --yes                never prompt: missing required fields are an error
      --dry-run            list the files it would write (marking those that exist), write nothing
  -f, --force              write into a folder that is not empty, replacing files of the same name
      --save-spec <file>   save the answers as a spec file, to replay the run with --spec
      --scope <scope>      npm scope of the package (@acme -> @acme/langchain-acme-llm); asked if not given
      --author <name>      copyright holder in LICENSE and package.json (default: "The <package> authors")
      --year <yyyy>        copyright year in LICENSE (default: this year)
  -h, --help               show this help
  -v, --version            show the version

target-dir defaults to the class name in kebab case (AcmeLLM -> acme-llm).
Exit codes: 0 written, 1 generated code failed its type-check (a bug; nothing written),
2 bad input (nothing written), 130 cancelled with Ctrl-C (nothing written).

Examples:
  npm create custom-llm                                  answer the questions
  npm create custom-llm acme-llm -- --spec acme.json     from a spec, no questions
  create-custom-llm --spec acme.json --name BetaLLM --no-streaming --dry-run
  create-custom-llm --spec acme.json --scope @acme --author "Acme Inc." --year 2026
  create-custom-llm --from-openapi openai.yaml --save-spec openai.json
`;
