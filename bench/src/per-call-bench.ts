// Child process: the per-call benchmark. Every contender makes the same call to the same fake
// server; contenders take turns in small batches so that drift on a shared machine hits all.
import { type BenchCounts, benchAnswer, benchCounts } from "./bench-settings";
import { type Contender, type ContenderId, contenderIds, createContenders } from "./contenders";
import { isEntryPoint, progress, reportToParent } from "./run-child";
import { type Summary, summarize } from "./statistics";

/** The per-call figures of one contender. */
export interface PerCallResult {
  id: ContenderId;
  label: string;
  /** Milliseconds per call. */
  summary: Summary;
  /** Plugins in its stack and plugins that were not available, for the FFC stacks. */
  included?: string[];
  missing?: string[];
}

async function timedCall(contender: Contender): Promise<number> {
  const started = performance.now();
  const text = await contender.generate();
  const elapsed = performance.now() - started;
  // A contender that got a wrong answer did different work; its time would mean nothing.
  if (text !== benchAnswer) throw new Error(`${contender.id} answered ${JSON.stringify(text)}.`);
  return elapsed;
}

/** Warms every contender up, then measures them round-robin, rotating who goes first. */
export async function measurePerCall(contenders: Contender[], counts: BenchCounts): Promise<PerCallResult[]> {
  for (const contender of contenders) {
    for (let call = 0; call < counts.warmupCalls; call += 1) await timedCall(contender);
  }
  const samples = new Map<ContenderId, number[]>(contenders.map((contender) => [contender.id, []]));
  const rounds = Math.ceil(counts.measuredCalls / counts.batchSize);
  for (let round = 0; round < rounds; round += 1) {
    for (let turn = 0; turn < contenders.length; turn += 1) {
      const contender = contenders[(round + turn) % contenders.length]!;
      const list = samples.get(contender.id)!;
      for (let call = 0; call < counts.batchSize; call += 1) list.push(await timedCall(contender));
    }
    if (round % 20 === 0) progress(`per-call: round ${round + 1} of ${rounds}`);
  }
  return contenders.map((contender) => ({
    id: contender.id,
    label: contender.label,
    summary: summarize(samples.get(contender.id)!),
    ...(contender.plugins
      ? { included: contender.plugins.included, missing: contender.plugins.missing }
      : {}),
  }));
}

if (isEntryPoint(import.meta.url)) {
  // An optional third argument lists the contenders (e.g. a vendor's group), comma-separated.
  const [generateUrl, streamUrl, ids] = process.argv.slice(2) as [string, string, string?];
  const contenders = await createContenders(
    { generateUrl, streamUrl },
    ids ? (ids.split(",") as ContenderId[]) : contenderIds,
  );
  reportToParent(await measurePerCall(contenders, benchCounts()));
}
