/** One event of a `text/event-stream` body. */
export interface ServerSentEvent {
  /** The `event:` field; "message" when the event names none. */
  event: string;
  /** The `data:` lines, joined by "\n". */
  data: string;
  /** The `id:` field, when given. */
  id?: string;
}

/**
 * Splits a `text/event-stream` body into events as its bytes arrive, as the WHATWG spec says:
 * CRLF, CR or LF line ends, multi-line `data`, comments (`:` lines) skipped, events without
 * data dropped. Synchronous and linear in the bytes: each chunk's lines are found by moving an
 * offset (a reader that re-slices or copies the rest of its buffer for every event, as the
 * vendor SDKs do, costs more per event the larger the network chunks).
 */
export class ServerSentEventDecoder {
  readonly #decoder = new TextDecoder();
  #rest = "";
  #event = "";
  #data: string[] = [];
  #id: string | undefined;

  /** Adds a chunk of the body; returns the events it completes (none, one or many). */
  push(bytes: Uint8Array): ServerSentEvent[] {
    return this.#read(this.#decoder.decode(bytes, { stream: true }), false);
  }

  /** Ends the body: the events its last lines complete (a last event needs no blank line). */
  end(): ServerSentEvent[] {
    return this.#read(this.#decoder.decode(), true);
  }

  #read(text: string, final: boolean): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    const buffer = this.#rest === "" ? text : this.#rest + text;
    // Without a CR anywhere (the usual case), a line ends at the next LF: one indexOf per line.
    const carriageReturns = buffer.includes("\r");
    let start = 0;
    for (;;) {
      let end: number;
      let next: number;
      if (carriageReturns) {
        end = start;
        while (end < buffer.length && buffer[end] !== "\n" && buffer[end] !== "\r") end += 1;
        if (end === buffer.length) break;
        // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
        if (buffer[end] === "\r" && end + 1 === buffer.length && !final) break;
        next = buffer[end] === "\r" && buffer[end + 1] === "\n" ? end + 2 : end + 1;
      } else {
        end = buffer.indexOf("\n", start);
        if (end === -1) break;
        next = end + 1;
      }
      this.#line(buffer.slice(start, end), events);
      start = next;
    }
    this.#rest = buffer.slice(start);
    if (final) {
      if (this.#rest !== "") this.#line(this.#rest, events);
      this.#rest = "";
      this.#dispatch(events);
    }
    return events;
  }

  #line(line: string, events: ServerSentEvent[]): void {
    if (line === "") {
      this.#dispatch(events);
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.#data.push(value);
    else if (field === "event") this.#event = value;
    else if (field === "id" && !value.includes("\0")) this.#id = value;
  }

  #dispatch(events: ServerSentEvent[]): void {
    if (this.#data.length > 0) {
      const event: ServerSentEvent = {
        event: this.#event || "message",
        data: this.#data.length === 1 ? this.#data[0]! : this.#data.join("\n"),
      };
      if (this.#id !== undefined) event.id = this.#id;
      events.push(event);
    }
    this.#event = "";
    this.#data = [];
  }
}

/**
 * The events of a `text/event-stream` body, a batch per network chunk: one promise per chunk
 * rather than one per event, for readers that map events in a generator of their own.
 */
export async function* serverSentEventBatches(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncIterable<ServerSentEvent[]> {
  const decoder = new ServerSentEventDecoder();
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    const events = decoder.push(chunk);
    if (events.length > 0) yield events;
  }
  const last = decoder.end();
  if (last.length > 0) yield last;
}

/**
 * Parses a `text/event-stream` body (a fetch Response's `body`, or any stream of bytes) into its
 * events (see ServerSentEventDecoder). For HTTP providers that use no vendor SDK.
 * @example for await (const { data } of parseServerSentEvents(response.body!)) yield JSON.parse(data);
 */
export async function* parseServerSentEvents(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncIterable<ServerSentEvent> {
  for await (const events of serverSentEventBatches(body)) yield* events;
}
