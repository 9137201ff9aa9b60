import type { LLMEvent } from "@ffc/core";
import type { Attributes } from "@opentelemetry/api";
import { FFCAttributes, GenAIAttributes } from "./attribute-names";
import { errorType } from "./genai-mapping";

/** A span event to add to the call span. */
export interface SpanEventSpec {
  name: string;
  attributes: Attributes;
}

/**
 * The span event an FFC event becomes on its call's span, or undefined for the events that
 * shape spans instead (call and attempt start, end and error). Only counts, names and scopes
 * are copied: never prompt text, template values or cache keys (which may be derived from them).
 */
export function spanEventFor(event: LLMEvent): SpanEventSpec | undefined {
  switch (event.type) {
    case "retry-scheduled":
      return spec("ffc.retry", {
        [FFCAttributes.ATTEMPT]: event.attempt,
        [FFCAttributes.RETRY_DELAY_MS]: event.delayMs,
        [GenAIAttributes.ERROR_TYPE]: errorType(event.error),
      });
    case "retry-give-up":
      return spec("ffc.retry.give_up", {
        [FFCAttributes.ATTEMPTS]: event.attempts,
        [FFCAttributes.RETRY_REASON]: event.reason,
        [GenAIAttributes.ERROR_TYPE]: errorType(event.error),
      });
    case "fallback":
      return spec("ffc.fallback", {
        [FFCAttributes.FALLBACK_FROM_PROVIDER]: event.from.provider,
        [FFCAttributes.FALLBACK_FROM_MODEL]: event.from.model,
        [FFCAttributes.FALLBACK_TO_PROVIDER]: event.to.provider,
        [FFCAttributes.FALLBACK_TO_MODEL]: event.to.model,
        [GenAIAttributes.ERROR_TYPE]: errorType(event.error),
      });
    case "breaker-opened":
      return spec("ffc.breaker.opened", {
        ...target(event),
        "ffc.breaker.failures": event.failures,
        "ffc.breaker.cooldown_ms": event.cooldownMs,
      });
    case "breaker-half-open":
      return spec("ffc.breaker.half_open", target(event));
    case "breaker-closed":
      return spec("ffc.breaker.closed", target(event));
    case "budget-reserved":
    case "budget-committed":
    case "budget-released":
      return spec(`ffc.${event.type.replace("-", ".")}`, {
        [FFCAttributes.BUDGET_SCOPE]: event.scope,
        [FFCAttributes.BUDGET_TOKENS]: event.tokens,
        ...(event.usd === null ? {} : { [FFCAttributes.BUDGET_USD]: event.usd }),
      });
    case "budget-refused":
      return spec("ffc.budget.refused", {
        [FFCAttributes.BUDGET_SCOPE]: event.scope,
        [GenAIAttributes.ERROR_TYPE]: errorType(event.error),
      });
    case "budget-warning":
      return spec("ffc.budget.warning", {
        [FFCAttributes.BUDGET_SCOPE]: event.scope,
        "ffc.budget.unit": event.unit,
        "ffc.budget.threshold": event.threshold,
        "ffc.budget.spent": event.spent,
        "ffc.budget.limit": event.limit,
      });
    case "rate-limit-waited":
      return spec("ffc.rate_limit.waited", {
        ...target(event),
        [FFCAttributes.RATE_LIMIT_SCOPE]: event.scope,
        [FFCAttributes.RATE_LIMIT_WAITED_MS]: event.waitedMs,
      });
    case "rate-limit-refused":
      return spec("ffc.rate_limit.refused", {
        ...target(event),
        [FFCAttributes.RATE_LIMIT_SCOPE]: event.scope,
        [GenAIAttributes.ERROR_TYPE]: errorType(event.error),
      });
    case "cache-hit":
      return spec("ffc.cache.hit", target(event));
    case "cache-miss":
      return spec("ffc.cache.miss", target(event));
    case "context-fitted":
      return spec("ffc.context.fitted", {
        "ffc.context.dropped": [...event.dropped],
        "ffc.context.truncated": [...event.truncated],
        "ffc.context.tokens": event.tokens,
        "ffc.context.max_input_tokens": event.maxInputTokens,
      });
    case "input-sanitized":
      return spec("ffc.input.sanitized", {
        "ffc.prompt.template": event.template,
        "ffc.input.sanitized_values": event.reports.length,
      });
    default:
      return undefined;
  }
}

function spec(name: string, attributes: Attributes): SpanEventSpec {
  return { name, attributes };
}

function target(event: { provider: string; model: string }): Attributes {
  return { "ffc.target.provider": event.provider, "ffc.target.model": event.model };
}
