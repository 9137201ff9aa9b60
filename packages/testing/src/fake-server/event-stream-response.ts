/**
 * A `text/event-stream` Response whose body arrives in the given pieces (split anywhere, even
 * inside a line or a character's bytes is up to the caller), for testing a stream reader without
 * a server. `onCancel` runs when the reader cancels the body (a consumer that stopped early).
 */
export function eventStreamResponse(
  pieces: readonly (string | Uint8Array)[],
  options: { endless?: boolean; onCancel?: () => void } = {},
): Response {
  const encoder = new TextEncoder();
  const bytes = pieces.map((piece) => (typeof piece === "string" ? encoder.encode(piece) : piece));
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      // An endless body repeats its pieces until the reader cancels it.
      if (next === bytes.length && options.endless) next = 0;
      if (next < bytes.length) controller.enqueue(bytes[next++]!);
      else controller.close();
    },
    cancel() {
      options.onCancel?.();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
}
