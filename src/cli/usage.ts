export const USAGE = `Usage: create-custom-llm [target-dir] --spec <file.json> [options]

Generates a typed LangChain.js LLM wrapper: the class, its vitest tests, a docs page and a package
around them, type-checked against @langchain/core before anything is written.

Options:
  -s, --spec <file>   JSON spec of the wrapper (see schema/spec.schema.json and examples/)
  -t, --transport <t> custom | openai-compatible | ollama | http-json (replaces the spec's)
  -y, --yes           accept defaults, never prompt
      --dry-run       list the files it would write, write nothing
      --force         replace files that exist in the target folder
  -h, --help          show this help
  -v, --version       show the version

Examples:
  npm create custom-llm acme-llm -- --spec acme.json --yes
  create-custom-llm acme-llm --spec examples/acme.json
`;
