/** Median, p99 and friends of a list of durations in milliseconds. */
export interface Summary {
  count: number;
  median: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** The value below which `fraction` of the sorted samples lie (nearest-rank method). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) throw new Error("percentile: no samples.");
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Summarizes samples; the input is not modified. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((left, right) => left - right);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    median: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: total / sorted.length,
    min: sorted[0]!,
    max: sorted.at(-1)!,
  };
}

/** The median of a list (for small lists such as process start times). */
export function median(samples: readonly number[]): number {
  return summarize(samples).median;
}

/** "+3.2%" for a value against a baseline. */
export function percentOver(value: number, baseline: number): string {
  const percent = ((value - baseline) / baseline) * 100;
  return `${percent >= 0 ? "+" : ""}${percent.toFixed(1)}%`;
}
