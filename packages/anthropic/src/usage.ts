import type { Usage } from "@ffc/core";

/** The usage fields Anthropic reports, as in a message or a `message_delta` event. */
export interface AnthropicWireUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  output_tokens_details?: { thinking_tokens?: number | null } | null;
}

/**
 * FFC usage from Anthropic's: the wire `input_tokens` excludes cache reads and writes, so
 * they are added back (inputTokens includes them, as everywhere in FFC); `output_tokens`
 * already includes thinking, and `output_tokens_details.thinking_tokens` breaks it out.
 */
export function normalizeUsage(wire: AnthropicWireUsage | null | undefined): Usage {
  const cacheRead = wire?.cache_read_input_tokens ?? 0;
  const cacheWrite = wire?.cache_creation_input_tokens ?? 0;
  const inputTokens = (wire?.input_tokens ?? 0) + cacheRead + cacheWrite;
  const outputTokens = wire?.output_tokens ?? 0;
  const usage: Usage = { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
  if (wire?.cache_read_input_tokens != null) usage.cacheReadTokens = cacheRead;
  if (wire?.cache_creation_input_tokens != null) usage.cacheWriteTokens = cacheWrite;
  const thinking = wire?.output_tokens_details?.thinking_tokens;
  if (thinking != null) usage.reasoningTokens = thinking;
  return usage;
}

/**
 * Merges the cumulative numbers of a `message_delta` over those of `message_start`: a field
 * the delta carries wins (it is the final count, e.g. 61 over 43 input tokens in one
 * recording), a field it leaves out or sends as null keeps the start value.
 */
export function mergeWireUsage(
  start: AnthropicWireUsage,
  delta: AnthropicWireUsage | null | undefined,
): AnthropicWireUsage {
  if (!delta) return start;
  const merged: AnthropicWireUsage = { ...start };
  for (const key of [
    "input_tokens",
    "output_tokens",
    "cache_read_input_tokens",
    "cache_creation_input_tokens",
    "output_tokens_details",
  ] as const) {
    if (delta[key] != null) (merged as Record<string, unknown>)[key] = delta[key];
  }
  return merged;
}
