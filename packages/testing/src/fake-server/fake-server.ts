import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { RecordedRequest, Reply, SseReply } from "./reply";

/** Decides the reply to a request that no queued reply covers. */
export type ReplyHandler = (request: RecordedRequest) => Reply;

/**
 * A local HTTP server on 127.0.0.1 that answers with queued replies (one per request, in
 * order) or, when the queue is empty, with the vendor's default handler. It records every
 * request. Vendor servers (OpenAI, Anthropic, Gemini) build on it.
 */
export class FakeServer {
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  readonly #queue: Array<{ reply: Reply; when?: (request: RecordedRequest) => boolean }> = [];
  readonly #sockets = new Set<Socket>();
  readonly #waiters: Array<{ count: number; resolve: () => void }> = [];
  readonly #server: Server;
  #defaultHandler: ReplyHandler;
  #url = "";

  constructor(defaultHandler: ReplyHandler) {
    this.#defaultHandler = defaultHandler;
    this.#server = createServer((request, response) => void this.#handle(request, response));
    this.#server.on("connection", (socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  /** Starts listening on a free port of 127.0.0.1. */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    const address = this.#server.address() as AddressInfo;
    this.#url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  /** The origin, e.g. "http://127.0.0.1:41234". */
  get url(): string {
    if (!this.#url) throw new Error("The fake server is not started; await server.start() first.");
    return this.#url;
  }

  /** Queues replies for the next requests, in order. */
  enqueue(...replies: Reply[]): this {
    for (const reply of replies) this.#queue.push({ reply });
    return this;
  }

  /**
   * Queues replies for the next requests that `when` accepts; other requests (say, the token
   * counting a budget does before each step) skip them and go to the default handler.
   */
  enqueueWhen(when: (request: RecordedRequest) => boolean, ...replies: Reply[]): this {
    for (const reply of replies) this.#queue.push({ reply, when });
    return this;
  }

  /** Replaces the handler used when the queue is empty. */
  setDefault(handler: ReplyHandler): this {
    this.#defaultHandler = handler;
    return this;
  }

  /**
   * Resolves once `count` requests have been recorded since the last reset. A test that aborts
   * a request waits for it here first: aborted on a timer instead, a request may reach the
   * server only after the next test began and take that test's queued reply.
   */
  received(count = 1): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  /** Forgets recorded requests and queued replies. */
  reset(): void {
    this.requests.length = 0;
    this.#queue.length = 0;
  }

  /** Stops the server and cuts open connections (hanging requests included). */
  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Keep the raw text; the handler may want to answer 400.
    }
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: request.url ?? "/",
      headers: { ...request.headers },
      body,
      receivedAt: Date.now(),
    };
    this.requests.push(recorded);
    for (let index = this.#waiters.length - 1; index >= 0; index -= 1) {
      const waiter = this.#waiters[index]!;
      if (this.requests.length >= waiter.count) {
        this.#waiters.splice(index, 1);
        waiter.resolve();
      }
    }
    const index = this.#queue.findIndex((queued) => !queued.when || queued.when(recorded));
    const reply = index === -1 ? this.#defaultHandler(recorded) : this.#queue.splice(index, 1)[0]!.reply;
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    await send(reply, request, response);
  }
}

async function send(reply: Reply, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers = reply.headers ?? {};
  switch (reply.kind) {
    case "reset":
      request.socket.destroy();
      return;
    case "hang":
      return;
    case "json":
      response.writeHead(reply.status ?? 200, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(reply.body));
      return;
    case "raw":
      response.writeHead(reply.status ?? 200, {
        "content-type": reply.contentType ?? "text/plain",
        ...headers,
      });
      response.end(reply.body);
      return;
    case "sse":
      await sendEvents(reply, request, response);
      return;
  }
}

async function sendEvents(
  reply: SseReply,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  response.writeHead(reply.status ?? 200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
    ...reply.headers,
  });
  const separator = reply.separator ?? "\n\n";
  const lineEnd = separator === "\r\n\r\n" ? "\r\n" : "\n";
  for (let index = 0; index < reply.events.length; index += 1) {
    if (reply.cutAfterEvents !== undefined && index >= reply.cutAfterEvents) {
      // Let the events already written reach the client before the connection dies.
      await new Promise((resolve) => setTimeout(resolve, 20));
      request.socket.destroy();
      return;
    }
    if (index > 0 && reply.eventDelayMs)
      await new Promise((resolve) => setTimeout(resolve, reply.eventDelayMs));
    if (response.destroyed) return;
    const event = reply.events[index]!;
    const data = index === reply.malformedAtEvent ? '{"this is": not json' : event.data;
    const eventLine = event.event ? `event: ${event.event}${lineEnd}` : "";
    response.write(`${eventLine}data: ${data}${separator}`);
  }
  response.end();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
