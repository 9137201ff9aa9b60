// Child process (run with --expose-gc): memory of one contender after waves of concurrent calls.
// Each contender gets a fresh process so that no two share a heap.
import { benchAnswer, benchCounts } from "./bench-settings";
import { type ContenderId, createContender } from "./contenders";
import { isEntryPoint, reportToParent } from "./run-child";
import { median } from "./statistics";

/** Resident set and V8 heap, in MiB. */
export interface MemorySnapshot {
  rssMiB: number;
  heapUsedMiB: number;
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
  baseline: MemorySnapshot;
  afterFirstWave: MemorySnapshot;
  afterSecondWave: MemorySnapshot;
}

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
  return { rssMiB: mebibytes(usage.rss), heapUsedMiB: mebibytes(usage.heapUsed) };
}

/** Runs one contender through two concurrent waves and snapshots memory between them. */
export async function measureMemory(
  id: ContenderId,
  generateUrl: string,
  wave: number,
): Promise<MemoryResult> {
  const contender = await createContender(id, { generateUrl, streamUrl: generateUrl });
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
  return {
    id,
    label: contender.label,
    wave,
    runs: 1,
    rssRangeMiB: [rss, rss],
    baseline,
    afterFirstWave,
    afterSecondWave,
  };
}

/**
 * The median of each figure over runs of one contender in separate processes: RSS after a burst
 * of 1,000 connections varies by several MiB from process to process.
 */
export function medianMemory(runs: readonly MemoryResult[]): MemoryResult {
  const first = runs[0]!;
  const snapshot = (key: "baseline" | "afterFirstWave" | "afterSecondWave"): MemorySnapshot => ({
    rssMiB: median(runs.map((run) => run[key].rssMiB)),
    heapUsedMiB: median(runs.map((run) => run[key].heapUsedMiB)),
  });
  return {
    ...first,
    runs: runs.length,
    rssRangeMiB: [
      Math.min(...runs.map((run) => run.afterSecondWave.rssMiB)),
      Math.max(...runs.map((run) => run.afterSecondWave.rssMiB)),
    ],
    baseline: snapshot("baseline"),
    afterFirstWave: snapshot("afterFirstWave"),
    afterSecondWave: snapshot("afterSecondWave"),
  };
}

if (isEntryPoint(import.meta.url)) {
  const [id, generateUrl] = process.argv.slice(2) as [ContenderId, string];
  reportToParent(await measureMemory(id, generateUrl, benchCounts().memoryWave));
}
