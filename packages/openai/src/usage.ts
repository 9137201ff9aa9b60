import type { Usage } from "@ffc/core";

/**
 * FFC usage from a Chat Completions `usage` object. `prompt_tokens` already includes cached
 * tokens and `completion_tokens` already includes reasoning, which is exactly FFC's
 * convention, so the breakdowns are copied and never added on top.
 */
export function chatUsage(usage: any): Usage {
  const inputTokens = count(usage?.prompt_tokens);
  const outputTokens = count(usage?.completion_tokens);
  return withBreakdowns(
    { inputTokens, outputTokens, totalTokens: count(usage?.total_tokens, inputTokens + outputTokens) },
    usage?.prompt_tokens_details,
    usage?.completion_tokens_details,
  );
}

/** FFC usage from a Responses API `usage` object (`input_tokens` includes cached tokens). */
export function responsesUsage(usage: any): Usage {
  const inputTokens = count(usage?.input_tokens);
  const outputTokens = count(usage?.output_tokens);
  return withBreakdowns(
    { inputTokens, outputTokens, totalTokens: count(usage?.total_tokens, inputTokens + outputTokens) },
    usage?.input_tokens_details,
    usage?.output_tokens_details,
  );
}

function withBreakdowns(usage: Usage, inputDetails: any, outputDetails: any): Usage {
  if (typeof inputDetails?.cached_tokens === "number") usage.cacheReadTokens = inputDetails.cached_tokens;
  if (typeof inputDetails?.cache_write_tokens === "number")
    usage.cacheWriteTokens = inputDetails.cache_write_tokens;
  if (typeof outputDetails?.reasoning_tokens === "number")
    usage.reasoningTokens = outputDetails.reasoning_tokens;
  return usage;
}

function count(value: unknown, fallback = 0): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}
