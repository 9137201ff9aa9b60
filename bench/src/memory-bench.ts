// Child process (run with --expose-gc): memory of one contender after waves of concurrent calls.
// Each contender gets a fresh process so that no two share a heap.
import { benchAnswer, benchCounts } from "./bench-settings";
import { type ContenderId, createContender } from "./contenders";
import { type HeapGroup, heapSummary } from "./heap-summary";
import { isEntryPoint, reportToParent } from "./run-child";
import { median } from "./statistics";

/** Resident set and V8 heap, in MiB. */
export interface MemorySnapshot {
  rssMiB: number;
  heapUsedMiB: number;
  /** Heap V8 has reserved (used or not): RSS counts it all. */
  heapTotalMiB: number;
  /** Memory of C++ objects bound to JavaScript ones (buffers, sockets). */
  externalMiB: number;
}

/** Memory of one contender: after setup and one call, after the first wave, after both. */
export interface MemoryResult {
  id: ContenderId;
  label: string;
  /** Calls per wave (all of a wave in flight at once). */
  wave: number;
  /** Fresh processes the figures are the median of. */
  runs: number;
  /** Lowest and highest RSS after both waves over those processes, in MiB. */
  rssRangeMiB: [number, number];
  /** After loading the modules and building the client, before any call: code and start-up data. */
  afterLoad: MemorySnapshot;
  baseline: MemorySnapshot;
  afterFirstWave: MemorySnapshot;
  afterSecondWave: MemorySnapshot;
  /** The heap after both waves by constructor, largest first (the first run only; see heap-summary.ts). */
  heap?: HeapGroup[];
}

/** Heap groups kept in the results: enough to compare two contenders, small enough for the JSON. */
const heapGroupsKept = 80;

async function settledSnapshot(): Promise<MemorySnapshot> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("Run the memory benchmark with node --expose-gc.");
  // Two rounds: the first frees objects whose finalizers release more on the second.
  for (let round = 0; round < 2; round += 1) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const usage = process.memoryUsage();
  const mebibytes = (bytes: number) => bytes / 2 ** 20;
  return {
    rssMiB: mebibytes(usage.rss),
    heapUsedMiB: mebibytes(usage.heapUsed),
    heapTotalMiB: mebibytes(usage.heapTotal),
    externalMiB: mebibytes(usage.external),
  };
}

/** Runs one contender through two concurrent waves and snapshots memory between them. */
export async function measureMemory(
  id: ContenderId,
  generateUrl: string,
  wave: number,
  withHeapSummary = false,
): Promise<MemoryResult> {
  const contender = await createContender(id, { generateUrl, streamUrl: generateUrl });
  const afterLoad = await settledSnapshot();
  const check = (text: string) => {
    if (text !== benchAnswer) throw new Error(`${id} answered ${JSON.stringify(text)}.`);
  };
  check(await contender.generate());
  const baseline = await settledSnapshot();
  const runWave = async () => {
    const answers = await Promise.all(Array.from({ length: wave }, () => contender.generate()));
    answers.forEach(check);
  };
  await runWave();
  const afterFirstWave = await settledSnapshot();
  await runWave();
  const afterSecondWave = await settledSnapshot();
  const rss = afterSecondWave.rssMiB;
  // After the figures: writing a snapshot allocates, and it must not count in them.
  const heap = withHeapSummary ? heapSummary().slice(0, heapGroupsKept) : undefined;
  return {
    id,
    label: contender.label,
    wave,
    runs: 1,
    rssRangeMiB: [rss, rss],
    afterLoad,
    baseline,
    afterFirstWave,
    afterSecondWave,
    ...(heap ? { heap } : {}),
  };
}

/**
 * The median of each figure over runs of one contender in separate processes: RSS after a burst
 * of 1,000 connections varies by several MiB from process to process.
 */
export function medianMemory(runs: readonly MemoryResult[]): MemoryResult {
  const first = runs[0]!;
  type SnapshotKey = "afterLoad" | "baseline" | "afterFirstWave" | "afterSecondWave";
  const snapshot = (key: SnapshotKey): MemorySnapshot => ({
    rssMiB: median(runs.map((run) => run[key].rssMiB)),
    heapUsedMiB: median(runs.map((run) => run[key].heapUsedMiB)),
    heapTotalMiB: median(runs.map((run) => run[key].heapTotalMiB)),
    externalMiB: median(runs.map((run) => run[key].externalMiB)),
  });
  return {
    ...first,
    runs: runs.length,
    rssRangeMiB: [
      Math.min(...runs.map((run) => run.afterSecondWave.rssMiB)),
      Math.max(...runs.map((run) => run.afterSecondWave.rssMiB)),
    ],
    afterLoad: snapshot("afterLoad"),
    baseline: snapshot("baseline"),
    afterFirstWave: snapshot("afterFirstWave"),
    afterSecondWave: snapshot("afterSecondWave"),
  };
}

if (isEntryPoint(import.meta.url)) {
  const [id, generateUrl, heapFlag] = process.argv.slice(2) as [ContenderId, string, string?];
  reportToParent(await measureMemory(id, generateUrl, benchCounts().memoryWave, heapFlag === "--heap"));
}
