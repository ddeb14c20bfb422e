import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback server (127.0.0.1, a free port) that answers like OpenAI's completions API at
 * `/v1/completions` and like Ollama at `/api/generate`: the prompt echoed back, ended before the first
 * stop sequence as both protocols do, streamed three characters per event.
 */
export interface ProtocolServer {
  url: string;
  requests: number;
  /** The JSON body of each request, in order. */
  bodies: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startProtocolServer(): Promise<ProtocolServer> {
  const state = { requests: 0, bodies: [] as Record<string, unknown>[] };
  const http: Server = createServer(async (req, res) => {
    state.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
      prompt: string;
      stream?: boolean;
      stop?: string[];
      options?: { stop?: string[] };
    };
    state.bodies.push(body);
    const ollama = req.url === "/api/generate";
    if (!ollama && req.url !== "/v1/completions") {
      res.writeHead(404).end();
      return;
    }
    const text = cutBeforeStop(`Echo: ${body.prompt}`, (ollama ? body.options?.stop : body.stop) ?? []);
    const stream = ollama ? body.stream !== false : body.stream === true;
    const pieces = text.match(/[\s\S]{1,3}/g) ?? [];
    res.writeHead(200, { "content-type": stream ? (ollama ? "application/x-ndjson" : "text/event-stream") : "application/json" });
    if (ollama) {
      const line = (response: string, done: boolean) =>
        `${JSON.stringify({ model: "m", created_at: "2024-01-01T00:00:00Z", response, done, ...(done ? { prompt_eval_count: 3, eval_count: 5 } : {}) })}\n`;
      res.end(stream ? pieces.map((p) => line(p, false)).join("") + line("", true) : line(text, true));
    } else {
      const completion = (t: string) => ({ id: "cmpl-1", object: "text_completion", created: 1, model: "m", choices: [{ text: t, index: 0, logprobs: null, finish_reason: null }] });
      const usage = { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 };
      res.end(stream ? pieces.map((p) => `data: ${JSON.stringify(completion(p))}\n\n`).join("") + "data: [DONE]\n\n" : JSON.stringify({ ...completion(text), usage }));
    }
  });
  http.listen(0, "127.0.0.1");
  await once(http, "listening");
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    bodies: state.bodies,
    async close() {
      http.closeAllConnections();
      http.close();
      await once(http, "close");
    },
  };
}

function cutBeforeStop(text: string, stop: readonly string[]): string {
  const ends = stop.map((s) => text.indexOf(s)).filter((at) => at !== -1);
  return ends.length > 0 ? text.slice(0, Math.min(...ends)) : text;
}
