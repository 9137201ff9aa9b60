import type { Usage } from "@ffc/core";
import type { GeminiUsageMetadata } from "./wire-types";

/**
 * Normalizes Gemini's usage. `promptTokenCount` already includes cached tokens, but
 * `candidatesTokenCount` excludes thoughts, so output = candidates + thoughts. Gemini writes no
 * prompt cache per request (explicit caches are billed by storage), so there is no cache-write count.
 */
export function mapUsage(metadata: GeminiUsageMetadata | undefined): Usage {
  const inputTokens = metadata?.promptTokenCount ?? 0;
  const reasoningTokens = metadata?.thoughtsTokenCount;
  const outputTokens = (metadata?.candidatesTokenCount ?? 0) + (reasoningTokens ?? 0);
  const usage: Usage = {
    inputTokens,
    outputTokens,
    // Tool-use prompt tokens are input too; totalTokenCount includes them.
    totalTokens:
      metadata?.totalTokenCount ?? inputTokens + outputTokens + (metadata?.toolUsePromptTokenCount ?? 0),
  };
  if (metadata?.cachedContentTokenCount !== undefined)
    usage.cacheReadTokens = metadata.cachedContentTokenCount;
  if (reasoningTokens !== undefined) usage.reasoningTokens = reasoningTokens;
  return usage;
}

/** True when a stream chunk's usage holds token counts (Vertex sends `{trafficType}` alone). */
export function hasTokenCounts(metadata: GeminiUsageMetadata | undefined): metadata is GeminiUsageMetadata {
  return metadata?.promptTokenCount !== undefined || metadata?.totalTokenCount !== undefined;
}

/** True when two usages of `mapUsage` hold the same counts (a stream repeats its cumulative usage). */
export function sameUsage(left: Usage, right: Usage): boolean {
  return (
    left.inputTokens === right.inputTokens &&
    left.outputTokens === right.outputTokens &&
    left.totalTokens === right.totalTokens &&
    left.cacheReadTokens === right.cacheReadTokens &&
    left.reasoningTokens === right.reasoningTokens
  );
}
