import { serverSentEventBatches } from "@ffc/core/provider";
import { APIError } from "openai";

/**
 * The JSON events of an OpenAI streaming response (Chat Completions chunks or Responses
 * events), read with core's linear SSE parser rather than the SDK's Stream: the SDK's splitter
 * copies the rest of its byte buffer for every event, so a stream whose events arrive in large
 * network chunks (the faster the vendor, the larger) costs it more per part the longer the
 * consumer takes per part; on a 1,000-part stream the SDK's reader took about half again as long.
 * The rules are the SDK's: "[DONE]" ends the events (the body is still read to its end, so the
 * connection can be reused), a body with "error" is the SDK's APIError (mapped as any other),
 * data that is not JSON is a SyntaxError.
 */
export async function* openAIEvents(response: Response): AsyncGenerator<any> {
  if (!response.body) return;
  let done = false;
  // A batch per network chunk: no promise per event besides this generator's own yield.
  for await (const batch of serverSentEventBatches(response.body)) {
    for (const message of batch) {
      if (done) continue;
      if (message.data.startsWith("[DONE]")) {
        done = true;
        continue;
      }
      const data = JSON.parse(message.data);
      if (data?.error) throw new APIError(undefined, data.error, undefined, response.headers);
      yield data;
    }
  }
}
