import type Anthropic from "@anthropic-ai/sdk";
import { APIError } from "@anthropic-ai/sdk";
import { serverSentEventBatches } from "@ffc/core/provider";

/**
 * The events of a streaming Messages response, read with core's linear SSE parser rather than
 * the SDK's Stream, whose splitter copies the rest of its byte buffer for every event (the
 * larger the network chunks, the more per event). The rules are the SDK's: `ping` and events
 * without a name are skipped, an `error` event is the SDK's APIError (mapped as any other),
 * data that is not JSON is a SyntaxError.
 */
export async function* anthropicEvents(response: Response): AsyncGenerator<Anthropic.RawMessageStreamEvent> {
  if (!response.body) return;
  // A batch per network chunk: no promise per event besides this generator's own yield.
  for await (const batch of serverSentEventBatches(response.body)) {
    for (const message of batch) {
      // The parser names an event without an `event:` line "message"; Messages always names them.
      if (message.event === "ping" || message.event === "message") continue;
      if (message.event === "error") {
        throw new APIError(undefined, errorBody(message.data), undefined, response.headers);
      }
      if (!message.data) continue;
      yield JSON.parse(message.data);
    }
  }
}

/** The body of an `error` event, as the SDK keeps it: its JSON, or the text as the message. */
function errorBody(text: string): object {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null) return parsed;
  } catch {
    // Not JSON: the text itself is the message.
  }
  return { error: { type: "error", message: text } };
}
