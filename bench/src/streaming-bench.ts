// Child process: time to first text part and parts per second of one long stream, per contender.
import { type BenchCounts, benchCounts } from "./bench-settings";
import { type Contender, type ContenderId, createContenders } from "./contenders";
import { isEntryPoint, progress, reportToParent } from "./run-child";
import { median } from "./statistics";

/** The contenders whose streams are compared. */
export const streamingContenderIds: readonly ContenderId[] = [
  "raw",
  "ffc-bare",
  "ffc-full",
  "ai-sdk",
  "langchain",
];

/** The streaming figures of one contender (medians over the runs). */
export interface StreamingResult {
  id: ContenderId;
  label: string;
  runs: number;
  /** Milliseconds from the call to the first text part. */
  firstPartMs: number;
  /** Milliseconds from the call to the end of the stream. */
  totalMs: number;
  /** Text parts per second over the whole stream. */
  partsPerSecond: number;
}

async function timedStream(contender: Contender, expectedParts: number) {
  const started = performance.now();
  let firstPart = 0;
  let parts = 0;
  for await (const _delta of contender.stream()) {
    if (parts === 0) firstPart = performance.now() - started;
    parts += 1;
  }
  const total = performance.now() - started;
  if (parts !== expectedParts)
    throw new Error(`${contender.id} streamed ${parts} parts, not ${expectedParts}.`);
  return { firstPart, total };
}

/** Streams round-robin (one stream per turn) after a short warm-up. */
export async function measureStreaming(
  contenders: Contender[],
  counts: BenchCounts,
): Promise<StreamingResult[]> {
  const warmup = Math.max(2, Math.round(counts.streamRuns / 10));
  for (const contender of contenders) {
    for (let run = 0; run < warmup; run += 1) await timedStream(contender, counts.streamParts);
  }
  const firstParts = new Map<ContenderId, number[]>(contenders.map((contender) => [contender.id, []]));
  const totals = new Map<ContenderId, number[]>(contenders.map((contender) => [contender.id, []]));
  for (let run = 0; run < counts.streamRuns; run += 1) {
    for (let turn = 0; turn < contenders.length; turn += 1) {
      const contender = contenders[(run + turn) % contenders.length]!;
      const timing = await timedStream(contender, counts.streamParts);
      firstParts.get(contender.id)!.push(timing.firstPart);
      totals.get(contender.id)!.push(timing.total);
    }
    if (run % 20 === 0) progress(`streaming: run ${run + 1} of ${counts.streamRuns}`);
  }
  return contenders.map((contender) => {
    const totalMs = median(totals.get(contender.id)!);
    return {
      id: contender.id,
      label: contender.label,
      runs: counts.streamRuns,
      firstPartMs: median(firstParts.get(contender.id)!),
      totalMs,
      partsPerSecond: counts.streamParts / (totalMs / 1000),
    };
  });
}

if (isEntryPoint(import.meta.url)) {
  // An optional third argument lists the contenders (e.g. a vendor's group), comma-separated.
  const [generateUrl, streamUrl, ids] = process.argv.slice(2) as [string, string, string?];
  const contenders = await createContenders(
    { generateUrl, streamUrl },
    ids ? (ids.split(",") as ContenderId[]) : streamingContenderIds,
  );
  reportToParent(await measureStreaming(contenders, benchCounts()));
}
