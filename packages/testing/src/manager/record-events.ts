import type { LLMEvent, LLMManager } from "@ffc/core";

/** The events one manager emitted, in order, and a typed view of them by type. */
export interface RecordedEvents {
  /** Every event so far, in the order emitted (the array keeps filling). */
  readonly events: LLMEvent[];
  /** The events of one type so far, typed as that event. */
  eventsOf<Type extends LLMEvent["type"]>(type: Type): Array<Extract<LLMEvent, { type: Type }>>;
}

/** Starts recording every event `llm` emits. */
export function recordEvents(llm: LLMManager): RecordedEvents {
  const events: LLMEvent[] = [];
  llm.on("*", (event) => events.push(event as LLMEvent));
  return {
    events,
    eventsOf: <Type extends LLMEvent["type"]>(type: Type) =>
      events.filter((event): event is Extract<LLMEvent, { type: Type }> => event.type === type),
  };
}
