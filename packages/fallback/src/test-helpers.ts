import { type LLMEvent, LLMManager, type LLMManagerOptions } from "@ffc/core";
import { MockProvider, type MockProviderOptions } from "@ffc/testing";

/** A manager whose own provider is `primary`, recording every event. */
export function recordingManager(primary: MockProvider, options: LLMManagerOptions = {}) {
  const llm = new LLMManager({ provider: primary, model: "primary-model" }, options);
  const events: LLMEvent[] = [];
  llm.on("*", (event) => events.push(event));
  const eventsOf = <Type extends LLMEvent["type"]>(type: Type) =>
    events.filter((event): event is Extract<LLMEvent, { type: Type }> => event.type === type);
  return { llm, events, eventsOf };
}

/** A MockProvider with an id. */
export function mock(id: string, options: Omit<MockProviderOptions, "id"> = {}): MockProvider {
  return new MockProvider({ id, ...options });
}

/** Collects a promise's outcome so that tests can assert on rejections. */
export function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error) => ({ error }),
  );
}

/** Reads a stream to its end, returning the text seen and the error it ended with. */
export async function readStream(parts: AsyncIterable<{ type: string; text?: string }>) {
  const texts: string[] = [];
  try {
    for await (const part of parts) if (part.type === "text-delta") texts.push(part.text ?? "");
    return { texts };
  } catch (error) {
    return { texts, error };
  }
}
