import type { LLMEvent, LLMManager, Policy } from "@ffc/core";

/** Collects a manager's events by type, for assertions. */
export function recordEvents(manager: LLMManager): LLMEvent[] {
  const events: LLMEvent[] = [];
  manager.on("*", (event) => events.push(event as LLMEvent));
  return events;
}

/** The events of one type. */
export function eventsOf<Type extends LLMEvent["type"]>(
  events: LLMEvent[],
  type: Type,
): Extract<LLMEvent, { type: Type }>[] {
  return events.filter((event) => event.type === type) as Extract<LLMEvent, { type: Type }>[];
}

/** A policy that makes a second attempt on another model after the first succeeds, like a fallback would after a failure. */
export function secondAttemptOn(model: string): Policy {
  return {
    name: "second-attempt",
    stage: "fallback",
    async generate(call, next) {
      await next(call);
      return next({ ...call, request: { ...call.request, model } });
    },
  };
}

/** Milliseconds since the epoch of an ISO date, for fake clocks. */
export function at(iso: string): number {
  return Date.parse(iso);
}
