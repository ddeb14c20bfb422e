export const USAGE = `Usage: create-custom-llm [target-dir] [options]
       create-custom-llm update [dir] [options]   (see create-custom-llm update --help)

Generates a typed LangChain.js model wrapper, a text-completion LLM or a chat model (messages, tool
calling, structured output): the class, its vitest tests, a docs page and a package around them,
type-checked against @langchain/core before anything is written. In a terminal it asks
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

target-dir defaults to the class name in kebab case (AcmeLLM -> acme-llm); a folder named update is
written ./update (a first word update runs the update command).
Exit codes: 0 written, 1 generated code failed its type-check (a bug; nothing written),
2 bad input (nothing written), 130 cancelled with Ctrl-C (nothing written).

Examples:
  npm create custom-llm                                  answer the questions
  npm create custom-llm acme-llm -- --spec acme.json     from a spec, no questions
  create-custom-llm --spec acme.json --name BetaLLM --no-streaming --dry-run
  create-custom-llm --spec acme.json --scope @acme --author "Acme Inc." --year 2026
  create-custom-llm update acme-llm --spec acme-v2.json  regenerate, keeping your edits
  create-custom-llm --from-openapi openai.yaml --save-spec openai.json
`;

export const UPDATE_USAGE = `Usage: create-custom-llm update [dir] [options]

Regenerates the wrapper recorded in dir (default: .) with this version of the generator, the repo's
current conventions and templates, and its spec (or a new one), then merges the new output into your
files three ways, keeping your edits: the record in .custom-llm/<ClassName>.json holds the output as
generated last time, the common base. Unchanged files are not touched. The changed files and the new
record are written all at once or not at all; the merged code is type-checked.

Options:
  -s, --spec <file>        a new spec for the wrapper (default: the spec in its record)
  -n, --name <Name>        the recorded wrapper to update, when dir records several
      --ask                in a terminal: the spec's questions again, the recorded answers as defaults
      --all                update every wrapper recorded in dir (a repo, after a conventions change)
      --dry-run            print the unified diff of what would change, write nothing
      --adopt              a wrapper generated without a record: with --spec, keep the files as your
                           edits and write its record
      --scope, --author, --year   package flags for --adopt (as create-custom-llm takes them)
  -h, --help               show this help

Exit codes: 0 updated (or up to date), 1 a bug (nothing written), 2 bad input (nothing written),
3 written with conflicts between <<<<<<< yours / ======= / >>>>>>> generated markers (listed by file
and line), 4 written, but the merged code does not type-check (listed by file and line),
130 cancelled with Ctrl-C (nothing written). --dry-run exits as the update would, writing nothing.

Examples:
  create-custom-llm update                       regenerate the wrapper in this folder
  create-custom-llm update acme-llm --spec acme-v2.json --dry-run
  create-custom-llm update --all                 every wrapper of this repo
  create-custom-llm update old-llm --adopt --spec old-llm.json
`;
