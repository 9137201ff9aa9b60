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
 * Parses a `text/event-stream` body (a fetch Response's `body`, or any stream of bytes) into its
 * events, as the WHATWG spec describes: CRLF, CR or LF line ends, multi-line `data`, comments
 * (`:` lines) skipped, events without data dropped. For HTTP providers that use no vendor SDK.
 * @example for await (const { data } of parseServerSentEvents(response.body!)) yield JSON.parse(data);
 */
export async function* parseServerSentEvents(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncIterable<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  const dispatch = (): ServerSentEvent | undefined => {
    const ready =
      data.length === 0
        ? undefined
        : { event: event || "message", data: data.join("\n"), ...(id !== undefined ? { id } : {}) };
    event = "";
    data = [];
    return ready;
  };
  const source = body as AsyncIterable<Uint8Array>;
  for await (const chunk of source) {
    buffer += decoder.decode(chunk, { stream: true });
    // A lone CR at the end may be the first half of CRLF: wait for the next chunk.
    let end = lineEnd(buffer);
    while (end !== undefined) {
      const line = buffer.slice(0, end.index);
      buffer = buffer.slice(end.index + end.length);
      if (line === "") {
        const ready = dispatch();
        if (ready) yield ready;
      } else if (!line.startsWith(":")) {
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? "" : line.slice(colon + 1);
        if (value.startsWith(" ")) value = value.slice(1);
        if (field === "data") data.push(value);
        else if (field === "event") event = value;
        else if (field === "id" && !value.includes("\0")) id = value;
      }
      end = lineEnd(buffer);
    }
  }
  buffer += decoder.decode();
  // A stream that ends without a blank line still delivers its last complete lines.
  if (buffer !== "" && !buffer.startsWith(":")) {
    const colon = buffer.indexOf(":");
    if (buffer.slice(0, colon) === "data") data.push(buffer.slice(colon + 1).replace(/^ /, ""));
  }
  const last = dispatch();
  if (last) yield last;
}

function lineEnd(buffer: string): { index: number; length: number } | undefined {
  for (let index = 0; index < buffer.length; index += 1) {
    const character = buffer[index];
    if (character === "\n") return { index, length: 1 };
    if (character === "\r") {
      if (index + 1 === buffer.length) return undefined;
      return { index, length: buffer[index + 1] === "\n" ? 2 : 1 };
    }
  }
  return undefined;
}
