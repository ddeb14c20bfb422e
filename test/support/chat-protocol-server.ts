import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the model answers next: text, then tool calls. */
export interface ChatAnswer {
  text: string;
  toolCalls: { name: string; args: Record<string, unknown> }[];
}

/**
 * A loopback server (127.0.0.1, a free port) that answers like OpenAI's chat completions API at
 * `/v1/chat/completions` and like Ollama's chat API at `/api/chat`: the last message echoed back (or the
 * answer set with `answer`), streamed three characters per event, each tool call in pieces (OpenAI) or
 * whole (Ollama), token counts 3 and 5. `failures` are answered first, as 500s.
 */
export interface ChatProtocolServer {
  url: string;
  /** The JSON body of each request, in order. */
  bodies: Record<string, unknown>[];
  /** The headers of each request, in order. */
  headers: IncomingHttpHeaders[];
  /** Gets the last message's text and the whole request body (its tools, say). */
  answer: ((lastMessage: string, body: Record<string, unknown>) => ChatAnswer) | undefined;
  failures: number;
  close(): Promise<void>;
}

export async function startChatProtocolServer(): Promise<ChatProtocolServer> {
  const state: ChatProtocolServer = {
    url: "",
    bodies: [],
    headers: [],
    answer: undefined,
    failures: 0,
    close: async () => {
      http.closeAllConnections();
      http.close();
      await once(http, "close");
    },
  };
  const http: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<
      string,
      unknown
    >;
    state.bodies.push(body);
    state.headers.push(req.headers);
    const ollama = req.url === "/api/chat";
    if (!ollama && req.url !== "/v1/chat/completions") {
      res.writeHead(404).end();
      return;
    }
    if (state.failures > 0) {
      state.failures--;
      res
        .writeHead(500, { "content-type": "application/json" })
        .end(
          JSON.stringify(
            ollama
              ? { error: "busy" }
              : { error: { message: "busy", type: "server_error" } },
          ),
        );
      return;
    }
    const messages = body.messages as { content: string }[];
    const last = String(messages.at(-1)?.content ?? "");
    const answer = state.answer?.(last, body) ?? {
      text: `Echo: ${last}`,
      toolCalls: [],
    };
    const stream = ollama ? body.stream !== false : body.stream === true;
    res.writeHead(200, {
      "content-type": stream
        ? ollama
          ? "application/x-ndjson"
          : "text/event-stream"
        : "application/json",
    });
    const pieces = answer.text.match(/[\s\S]{1,3}/g) ?? [];
    res.end(
      ollama
        ? ollamaBody(pieces, answer, stream)
        : openAIBody(pieces, answer, stream, body),
    );
  });
  http.listen(0, "127.0.0.1");
  await once(http, "listening");
  state.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return state;
}

const USAGE = { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 };
/** Each answer's own id, as OpenAI gives: a client that keys messages by id must not merge two answers. */
let completions = 0;

function openAIBody(
  pieces: string[],
  answer: ChatAnswer,
  stream: boolean,
  request: Record<string, unknown>,
): string {
  const finish_reason = answer.toolCalls.length > 0 ? "tool_calls" : "stop";
  const base = { id: `chatcmpl-${++completions}`, created: 1, model: "m" };
  if (!stream) {
    const tool_calls = answer.toolCalls.map((call, i) => ({
      id: `call_${i}`,
      type: "function",
      function: { name: call.name, arguments: JSON.stringify(call.args) },
    }));
    const message = {
      role: "assistant",
      content: answer.text,
      ...(tool_calls.length > 0 ? { tool_calls } : {}),
    };
    return JSON.stringify({
      ...base,
      object: "chat.completion",
      choices: [{ index: 0, message, finish_reason }],
      usage: USAGE,
    });
  }
  const event = (choices: unknown[], extra: object = {}) =>
    `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices, ...extra })}\n\n`;
  const delta = (d: object, finish: string | null = null) =>
    event([{ index: 0, delta: d, finish_reason: finish }]);
  const out = [
    delta({ role: "assistant", content: "" }),
    ...pieces.map((content) => delta({ content })),
  ];
  answer.toolCalls.forEach((call, index) => {
    const args = JSON.stringify(call.args);
    const half = Math.floor(args.length / 2);
    out.push(
      delta({
        tool_calls: [
          {
            index,
            id: `call_${index}`,
            type: "function",
            function: { name: call.name, arguments: args.slice(0, half) },
          },
        ],
      }),
    );
    out.push(
      delta({
        tool_calls: [{ index, function: { arguments: args.slice(half) } }],
      }),
    );
  });
  out.push(delta({}, finish_reason));
  const options = request.stream_options as
    { include_usage?: boolean } | undefined;
  if (options?.include_usage) out.push(event([], { usage: USAGE }));
  return out.join("") + "data: [DONE]\n\n";
}

function ollamaBody(
  pieces: string[],
  answer: ChatAnswer,
  stream: boolean,
): string {
  const line = (message: object, done: boolean) =>
    `${JSON.stringify({ model: "m", created_at: "2024-01-01T00:00:00Z", message: { role: "assistant", ...message }, done, ...(done ? { done_reason: "stop", prompt_eval_count: 3, eval_count: 5 } : {}) })}\n`;
  const tool_calls = answer.toolCalls.map((call) => ({
    function: { name: call.name, arguments: call.args },
  }));
  if (!stream)
    return line(
      {
        content: answer.text,
        ...(tool_calls.length > 0 ? { tool_calls } : {}),
      },
      true,
    );
  const out = pieces.map((content) => line({ content }, false));
  if (tool_calls.length > 0) out.push(line({ content: "", tool_calls }, false));
  out.push(line({ content: "" }, true));
  return out.join("");
}
