import type { Parameters } from "fast-check";

/**
 * The seed every property starts from: fixed, so CI runs are repeatable; FFC_FUZZ_SEED
 * overrides it (a failure prints the seed and the path to replay).
 */
export const fuzzSeed = Number(process.env.FFC_FUZZ_SEED ?? 20_261_204);

/** Cases per vendor-reply property (at least 1,000 in CI); FFC_FUZZ_RUNS overrides it. */
export const vendorRuns = Number(process.env.FFC_FUZZ_RUNS ?? 1_000);

/** Cases per in-process property (templates, contexts, per-call options). */
export const inProcessRuns = Number(process.env.FFC_FUZZ_RUNS ?? 1_000);

/** fast-check parameters for one property, seeded, with a replay hint on failure. */
export function fuzzParameters<Value>(numRuns: number): Parameters<Value> {
  return {
    seed: fuzzSeed,
    numRuns,
    // Shrinking real HTTP cases is slow; a few hundred steps find a small counterexample.
    endOnFailure: false,
    reporter(details) {
      if (!details.failed) return;
      throw new Error(
        `Fuzz property failed (seed ${details.seed}, path "${details.counterexamplePath}"; replay with FFC_FUZZ_SEED=${details.seed}).\nCounterexample: ${safeString(details.counterexample)}\n${details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance)}`,
      );
    },
  };
}

function safeString(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_, item) => (typeof item === "bigint" ? `${item}n` : item));
    return text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
  } catch {
    return String(value);
  }
}
