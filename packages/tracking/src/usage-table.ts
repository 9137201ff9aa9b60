import type { UsageReport } from "./usage-ledger";
import type { UsageSummary } from "./usage-summary";

/**
 * A usage report as a plain-text table: one row for the total, then one per provider, model,
 * tag, user and tenant. Unknown cost shows as "unknown", never as $0.
 */
export function formatUsageTable(report: UsageReport): string {
  const header = [
    "group",
    "calls",
    "failed",
    "attempts",
    "input",
    "output",
    "cached in",
    "cost USD",
    "cache hits",
    "saved USD",
  ];
  const rows: string[][] = [header, row("total", report)];
  const groups: [string, Record<string, UsageSummary>][] = [
    ["provider", report.byProvider],
    ["model", report.byModel],
    ["tag", report.byTag],
    ["user", report.byUser],
    ["tenant", report.byTenant],
  ];
  for (const [label, summaries] of groups) {
    for (const [key, summary] of Object.entries(summaries).sort(([left], [right]) =>
      left.localeCompare(right),
    )) {
      rows.push(row(`${label} ${key}`, summary));
    }
  }
  const widths = header.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ");
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

function row(label: string, summary: UsageSummary): string[] {
  return [
    label,
    String(summary.calls),
    String(summary.failedCalls),
    String(summary.attempts),
    String(summary.usage.inputTokens),
    String(summary.usage.outputTokens),
    String(summary.usage.cacheReadTokens ?? 0),
    cost(summary),
    String(summary.cacheHits),
    summary.promptCacheSavingsUsd.toFixed(6),
  ];
}

function cost(summary: UsageSummary): string {
  if (summary.costUsd !== null) return summary.costUsd.toFixed(6);
  return `unknown (${summary.knownCostUsd.toFixed(6)} known, ${summary.unpricedAttempts} unpriced)`;
}
