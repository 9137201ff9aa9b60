/**
 * Token usage, normalized across vendors: `inputTokens` includes cache reads and writes,
 * `outputTokens` includes reasoning. The breakdowns say how much of each was which.
 */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Input tokens read from the vendor's prompt cache (part of `inputTokens`). */
  cacheReadTokens?: number;
  /** Input tokens written to the vendor's prompt cache (part of `inputTokens`). */
  cacheWriteTokens?: number;
  /** Output tokens spent on reasoning (part of `outputTokens`). */
  reasoningTokens?: number;
}

/** Usage of nothing at all. */
export function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, totalTokens: 0 };
}

/** The sum of two usages; breakdowns are kept only when either side has them. */
export function addUsage(left: Usage, right: Usage): Usage {
  const sum: Usage = {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    totalTokens: left.totalTokens + right.totalTokens,
  };
  for (const key of ["cacheReadTokens", "cacheWriteTokens", "reasoningTokens"] as const) {
    if (left[key] !== undefined || right[key] !== undefined) sum[key] = (left[key] ?? 0) + (right[key] ?? 0);
  }
  return sum;
}
