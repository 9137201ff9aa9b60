import { type BenchResults, byId } from "./bench-results";
import { markdownTable } from "./markdown-table";

const microseconds = (value: number) => value.toFixed(1);
const kilobytes = (bytes: number) => (bytes / 1000).toFixed(1);

/** The section on what each plugin costs without the network (absent from runs before it existed). */
export function pluginOverheadSection(results: BenchResults): string {
  const entries = results.pluginOverhead;
  if (!entries || entries.length === 0) return "";
  const bare = byId(entries, "bare");
  const rows = entries.map((entry) => [
    entry.label,
    microseconds(entry.microsecondsPerCall),
    entry.id === "bare"
      ? "baseline"
      : `+${microseconds(entry.microsecondsPerCall - bare.microsecondsPerCall)}`,
    kilobytes(entry.bytesPerCall),
    entry.id === "bare" ? "baseline" : `+${kilobytes(entry.bytesPerCall - bare.bytesPerCall)}`,
    entry.topAllocators
      .slice(0, 3)
      .map(
        (allocator) =>
          `${allocator.owner} \`${allocator.functionName}\` ${kilobytes(allocator.bytesPerCall)}`,
      )
      .join(", "),
  ]);
  return [
    "## Cost of each plugin without the network",
    "",
    "The OpenAI provider (its model catalog included) answers from memory instead of over HTTP, so these are FFC's own costs per call: CPU time (median of round-robin batches of 1,000 calls) and the bytes allocated per call (V8's sampling heap profiler, objects that died included; every byte allocated is later work for the garbage collector).",
    "",
    markdownTable(
      [
        "configuration",
        "µs per call",
        "over bare",
        "kB allocated per call",
        "over bare",
        "largest allocators (kB per call)",
      ],
      rows,
    ),
  ].join("\n");
}

/** Why the full stack misses the per-call goal, from this run's figures; undefined without them. */
export function perCallCause(results: BenchResults, rawId: string): string | undefined {
  const entries = results.pluginOverhead;
  if (!entries || entries.length === 0) return undefined;
  const bare = byId(entries, "bare");
  const full = byId(entries, "full");
  const rawMedianMicroseconds = byId(results.perCall, rawId).summary.median * 1000;
  const singles = entries
    .filter((entry) => entry.id !== "bare" && entry.id !== "full")
    .map((entry) => ({ label: entry.label, over: entry.microsecondsPerCall - bare.microsecondsPerCall }))
    .sort((left, right) => right.over - left.over)
    .map((entry) => `${entry.label.replace(/^\+ /, "")} +${microseconds(entry.over)}`);
  return `×1.10 leaves ${microseconds(rawMedianMicroseconds * 0.1)} µs per call (a tenth of the raw call's ${microseconds(rawMedianMicroseconds)} µs) for everything FFC does. Without the network FFC bare costs ${microseconds(bare.microsecondsPerCall)} µs and ${kilobytes(bare.bytesPerCall)} kB allocated per call, the full stack ${microseconds(full.microsecondsPerCall)} µs and ${kilobytes(full.bytesPerCall)} kB; each plugin alone, in µs over bare: ${singles.join(", ")} (see "Cost of each plugin without the network"). Over HTTP the difference measured is larger than these in-process figures; the CPU profile below splits it by package.`;
}
