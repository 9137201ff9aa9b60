/** Nano-dollars per US dollar: stores count USD in whole nano-dollars so that sums stay exact. */
export const nanoPerUsd = 1_000_000_000;

/** US dollars as whole nano-dollars (rounded to the nearest one). */
export function toNanoUsd(usd: number): number {
  return Math.round(usd * nanoPerUsd);
}

/** Whole nano-dollars as US dollars. */
export function fromNanoUsd(nano: number): number {
  return nano / nanoPerUsd;
}

/** Rounds a reservation up to the next nano-dollar, so rounding never holds less than the price. */
export function ceilToNanoUsd(usd: number): number {
  return Math.ceil(usd * nanoPerUsd - 1e-6) / nanoPerUsd;
}
