import { markdownTable } from "./markdown-table";
import type { ProfileResult } from "./profile-runner";

/** The CPU profile section: where each profiled loop spent its time, and FFC's hottest functions. */
export function profileSection(profiles: readonly ProfileResult[]): string {
  const parts = [
    "## CPU profile of the FFC hot path",
    "",
    "A loop of FFC calls against the same fake server in a child process, profiled after a warm-up with V8's sampling CPU profiler (the one `node --cpu-prof` uses; started through `node:inspector` so that module loading stays out). Self time is summed per package (owner) and per function; `(idle)` is time waiting for the server, `(native)` and `node (built-in modules)` are mostly the HTTP client (undici) and streams.",
  ];
  for (const profile of profiles) {
    const total = profile.summary.totalMs;
    const share = (ms: number) => `${((ms / total) * 100).toFixed(1)}%`;
    const perCall = (ms: number) => `${((ms / profile.calls) * 1000).toFixed(1)} µs`;
    parts.push(
      "",
      `### ${profile.id}: ${profile.calls} calls, ${(total / 1000).toFixed(1)} s profiled`,
      "",
      markdownTable(
        ["owner", "self time", "share", "per call"],
        profile.summary.byOwner
          .slice(0, 12)
          .map((entry) => [
            entry.owner,
            `${entry.selfMs.toFixed(0)} ms`,
            share(entry.selfMs),
            perCall(entry.selfMs),
          ]),
      ),
      "",
      "Top self time in @ffc/* packages:",
      "",
      markdownTable(
        ["package", "function", "location (dist)", "self time", "per call"],
        profile.summary.topFfcFunctions.map((entry) => [
          entry.owner,
          `\`${entry.functionName}\``,
          entry.location,
          `${entry.selfMs.toFixed(1)} ms`,
          perCall(entry.selfMs),
        ]),
      ),
    );
  }
  return parts.join("\n");
}
