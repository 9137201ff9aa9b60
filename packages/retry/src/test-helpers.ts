import { type LLMEvent, LLMManager, type LLMManagerOptions } from "@ffc/core";
import { MockProvider, type MockStep } from "@ffc/testing";

/** A manager over a scripted MockProvider that records every event it emits. */
export function scriptedManager(script: MockStep[], options: LLMManagerOptions & { id?: string } = {}) {
  const provider = new MockProvider({ id: options.id ?? "mock", script });
  const llm = new LLMManager({ provider, model: "mock-model" }, options);
  const events: LLMEvent[] = [];
  llm.on("*", (event) => events.push(event));
  const eventsOf = <Type extends LLMEvent["type"]>(type: Type) =>
    events.filter((event): event is Extract<LLMEvent, { type: Type }> => event.type === type);
  return { provider, llm, events, eventsOf };
}

/** Collects a promise's rejection so fake-timer tests can advance time before asserting. */
export function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error) => ({ error }),
  );
}
