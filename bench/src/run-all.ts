// `pnpm bench`: runs every benchmark and writes BENCHMARKS.md at the repository root.
// The measured clients run in child processes (one per benchmark, one per memory contender)
// and the fake OpenAI servers in another, so that no two measurements share a heap.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { benchDirectory, repositoryRoot } from "./bench-paths";
import type { BenchResults } from "./bench-results";
import { benchCounts } from "./bench-settings";
import { measureBundles } from "./bundle-size-bench";
import { measureColdImports } from "./cold-import-bench";
import type { ContenderId } from "./contenders";
import { checkGoals } from "./goals";
import { measureImportSteps } from "./import-steps";
import { checkIssue11Goals } from "./issue-11-goals";
import { machineInfo } from "./machine-info";
import { markdownReport } from "./markdown-report";
import { type MemoryResult, medianMemory } from "./memory-bench";
import type { PerCallResult } from "./per-call-bench";
import type { PluginOverheadResult } from "./plugin-overhead-bench";
import { type ProfileResult, profileContender } from "./profile-runner";
import { progress, runChild } from "./run-child";
import { startServerProcess } from "./server-handle";
import { runStoreBenches } from "./store-benches";
import type { StreamingResult } from "./streaming-bench";
import { type BenchVendor, vendorGroups } from "./vendor-contenders";

const memoryContenders: readonly ContenderId[] = [
  "raw",
  "ffc-bare",
  "ffc-full",
  "ai-sdk",
  "langchain",
  "anthropic-raw",
  "anthropic-full",
  "google-raw",
  "google-full",
];
/** The raw SDKs and full stacks whose heaps the memory profile compares. */
const heapProfiled: readonly ContenderId[] = [
  "raw",
  "ffc-full",
  "anthropic-raw",
  "anthropic-full",
  "google-raw",
  "google-full",
];
const vendors = Object.keys(vendorGroups) as BenchVendor[];
const profiledContenders: readonly ContenderId[] = ["ffc-bare", "ffc-full"];

const started = performance.now();
const machine = machineInfo();
const counts = benchCounts();
progress(
  `machine: ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.nodeVersion}, load ${machine.loadAverage.toFixed(2)}`,
);
if (machine.loadAverage > 1)
  progress("the load average is above 1: figures will be noisy (see BENCHMARKS.md).");

const server = await startServerProcess();
const urls = [server.generateUrl, server.streamUrl];
let perCall: PerCallResult[];
let streaming: StreamingResult[];
const memory: MemoryResult[] = [];
const profiles: ProfileResult[] = [];
let pluginOverhead: PluginOverheadResult[] | undefined;
try {
  progress("per-call benchmark");
  perCall = await runChild<PerCallResult[]>("src/per-call-bench.ts", { args: urls });
  for (const entry of perCall) {
    progress(
      `  ${entry.id}: median ${entry.summary.median.toFixed(3)} ms, p99 ${entry.summary.p99.toFixed(3)} ms`,
    );
  }
  // Each vendor's group (its raw SDK, FFC bare, FFC full) round-robin among itself, on its own servers.
  for (const vendor of vendors) {
    progress(`per-call benchmark: ${vendor}`);
    const { generateUrl, streamUrl } = server.vendors[vendor];
    const group = await runChild<PerCallResult[]>("src/per-call-bench.ts", {
      args: [generateUrl, streamUrl, vendorGroups[vendor].join(",")],
    });
    perCall.push(...group);
  }
  progress("streaming benchmark");
  streaming = await runChild<StreamingResult[]>("src/streaming-bench.ts", { args: urls });
  for (const vendor of vendors) {
    progress(`streaming benchmark: ${vendor}`);
    const { generateUrl, streamUrl } = server.vendors[vendor];
    const group = await runChild<StreamingResult[]>("src/streaming-bench.ts", {
      args: [generateUrl, streamUrl, vendorGroups[vendor].join(",")],
    });
    streaming.push(...group);
  }
  const memoryRuns = new Map<ContenderId, MemoryResult[]>(memoryContenders.map((id) => [id, []]));
  for (let run = 0; run < counts.memoryRuns; run += 1) {
    for (const id of memoryContenders) {
      progress(`memory benchmark: ${id}, run ${run + 1} of ${counts.memoryRuns}`);
      const vendor = vendors.find((name) => id.startsWith(`${name}-`));
      const args = [id, vendor ? server.vendors[vendor].generateUrl : server.generateUrl];
      // One heap snapshot (in the first process) of each contender the memory profile compares.
      if (run === 0 && heapProfiled.includes(id)) args.push("--heap");
      const result = await runChild<MemoryResult>("src/memory-bench.ts", {
        nodeFlags: ["--expose-gc"],
        args,
      });
      memoryRuns.get(id)!.push(result);
    }
  }
  for (const id of memoryContenders) memory.push(medianMemory(memoryRuns.get(id)!));
  for (const id of profiledContenders) {
    progress(`CPU profile: ${id}`);
    profiles.push(await profileContender(id, server.generateUrl));
  }
  progress("plugin overhead without the network");
  pluginOverhead = await runChild<PluginOverheadResult[]>("src/plugin-overhead-bench.ts", {
    args: [server.generateUrl],
  });
} finally {
  await server.close();
}
progress("cold import benchmark");
const imports = measureColdImports(counts.importRuns);
const importProfiles = await measureImportSteps(counts.importRuns);
progress("bundle sizes");
const bundles = await measureBundles();
const stores = await runStoreBenches();

const results: BenchResults = {
  machine,
  loadAverageAtEnd: loadavg()[0]!,
  durationSeconds: (performance.now() - started) / 1000,
  counts,
  perCall,
  streaming,
  memory,
  imports,
  importProfiles,
  bundles,
  stores,
  profiles,
  ...(pluginOverhead ? { pluginOverhead } : {}),
};
const path = join(repositoryRoot, "BENCHMARKS.md");
writeFileSync(path, markdownReport(results));
// The raw results too, so that the report can be rendered again without measuring again.
mkdirSync(join(benchDirectory, "results"), { recursive: true });
writeFileSync(join(benchDirectory, "results", "last-run.json"), JSON.stringify(results, null, 1));
for (const check of [...checkIssue11Goals(results), ...checkGoals(results)]) {
  progress(`${check.met ? "met   " : "MISSED"} ${check.goal}: ${check.measured}`);
}
progress(`wrote ${path} in ${results.durationSeconds.toFixed(0)} s`);
