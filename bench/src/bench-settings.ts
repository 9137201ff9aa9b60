/** The request every contender sends, and how many times; shared by the benchmarks and their test. */
export const benchModel = "gpt-4o-mini";
/** The prompt of the per-call benchmark. */
export const benchPrompt = "Say hello to the benchmark.";
/** A placeholder key: the fake server only checks that a bearer key is present. */
export const benchApiKey = "sk-bench-placeholder";
/** The answer the fake server gives to every non-streaming call. */
export const benchAnswer = "Hello, benchmark! This is the fake server's answer.";

/** Counts of each benchmark; FFC_BENCH_QUICK=1 shrinks them for a fast check of the harness. */
export interface BenchCounts {
  /** Calls per contender before measuring (JIT, connection pool, lazy imports). */
  warmupCalls: number;
  /** Measured calls per contender in the per-call benchmark. */
  measuredCalls: number;
  /** Calls a contender makes in a row before the next contender's turn. */
  batchSize: number;
  /** Measured streams per contender. */
  streamRuns: number;
  /** Text parts in the streaming benchmark's stream. */
  streamParts: number;
  /** Fresh processes per module set in the cold-import benchmark. */
  importRuns: number;
  /** Calls in one concurrent wave of the memory benchmark (two waves are made). */
  memoryWave: number;
  /** Fresh processes per contender in the memory benchmark (the median is reported). */
  memoryRuns: number;
  /** Calls in the profiled loop. */
  profileCalls: number;
}

const full: BenchCounts = {
  warmupCalls: 300,
  measuredCalls: 5000,
  batchSize: 25,
  streamRuns: 120,
  streamParts: 1000,
  importRuns: 25,
  memoryWave: 1000,
  memoryRuns: 5,
  profileCalls: 4000,
};

const quick: BenchCounts = {
  warmupCalls: 20,
  measuredCalls: 100,
  batchSize: 10,
  streamRuns: 6,
  streamParts: 1000,
  importRuns: 3,
  memoryWave: 100,
  memoryRuns: 1,
  profileCalls: 200,
};

/** The counts for this run. */
export function benchCounts(): BenchCounts {
  return process.env.FFC_BENCH_QUICK === "1" ? quick : full;
}
