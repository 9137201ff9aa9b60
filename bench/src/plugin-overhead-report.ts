import { type BenchResults, byId } from "./bench-results";
import { markdownTable } from "./markdown-table";

const microseconds = (value: number) => value.toFixed(1);
const kilobytes = (bytes: number) => (bytes / 1000).toFixed(1);

/** The section on what each plugin costs without the network (absent from runs before it existed). */
export function pluginOverheadSection(results: BenchResults): string {
  const entries = results.pluginOverhead;
  if (!entries || entries.length === 0) return "";
  const bare = byId(entries, "bare");
  const between = bare.microsecondsBetweenHttpCalls !== undefined;
  const rows = entries.map((entry) => {
    const isBare = entry.id === "bare";
    const betweenCells = between
      ? [
          microseconds(entry.microsecondsBetweenHttpCalls ?? 0),
          isBare
            ? "baseline"
            : `+${microseconds((entry.microsecondsBetweenHttpCalls ?? 0) - bare.microsecondsBetweenHttpCalls!)}`,
        ]
      : [];
    return [
      entry.label,
      microseconds(entry.microsecondsPerCall),
      isBare ? "baseline" : `+${microseconds(entry.microsecondsPerCall - bare.microsecondsPerCall)}`,
      ...betweenCells,
      kilobytes(entry.bytesPerCall),
      isBare ? "baseline" : `+${kilobytes(entry.bytesPerCall - bare.bytesPerCall)}`,
      entry.topAllocators
        .slice(0, 3)
        .map(
          (allocator) =>
            `${allocator.owner} \`${allocator.functionName}\` ${kilobytes(allocator.bytesPerCall)}`,
        )
        .join(", "),
    ];
  });
  const header = [
    "configuration",
    "µs per call, tight loop",
    "over bare",
    ...(between ? ["µs per call, between HTTP calls", "over bare"] : []),
    "kB allocated per call",
    "over bare",
    "largest allocators (kB per call)",
  ];
  return [
    "## Cost of each plugin without the network",
    "",
    "The OpenAI provider (its model catalog included) answers from memory instead of over HTTP, so these are FFC's own costs per call: time in a tight loop of FFC calls (median of round-robin batches of 1,000), time of one call made right after a raw SDK call to the fake server (median; as in an app, where the HTTP client's code runs between FFC's), and the bytes allocated per call (V8's sampling heap profiler, objects that died included; every byte allocated is later work for the garbage collector).",
    "",
    markdownTable(header, rows),
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
  const budget = `×1.10 leaves ${microseconds(rawMedianMicroseconds * 0.1)} µs per call (a tenth of the raw call's ${microseconds(rawMedianMicroseconds)} µs) for everything FFC does.`;
  const tight = `In a tight loop without the network FFC bare costs ${microseconds(bare.microsecondsPerCall)} µs and ${kilobytes(bare.bytesPerCall)} kB allocated per call, the full stack ${microseconds(full.microsecondsPerCall)} µs and ${kilobytes(full.bytesPerCall)} kB; each plugin alone, in µs over bare: ${singles.join(", ")}.`;
  if (bare.microsecondsBetweenHttpCalls === undefined || full.microsecondsBetweenHttpCalls === undefined)
    return `${budget} ${tight} (see "Cost of each plugin without the network").`;
  const slower = full.microsecondsBetweenHttpCalls / full.microsecondsPerCall;
  return `${budget} ${tight} The same calls made right after a raw SDK call over HTTP, as in an app, cost ${microseconds(bare.microsecondsBetweenHttpCalls)} µs bare and ${microseconds(full.microsecondsBetweenHttpCalls)} µs with the full stack (×${slower.toFixed(1)} its tight-loop time): with the HTTP client's code run in between, FFC's code and data are no longer in the CPU's caches, so every µs of FFC's own work in a loop costs several in an app. The stack's overhead over the network is of that order (see "Cost of each plugin without the network" and the CPU profile).`;
}
