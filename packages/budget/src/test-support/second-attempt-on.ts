import type { Policy } from "@ffc/core";

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
