/**
 * Ids for reservations and rate-limit takes: unique in this process by a counter, and across
 * the processes that share a store (Redis) by a random prefix drawn once per process. A UUID
 * per id cost about 1 µs (crypto) and 36 characters held in every store entry; this costs a
 * string concatenation and about 18 characters.
 */
const processPrefix = randomPrefix();
let sequence = 0;

/** A new id, e.g. "k3v9x2m1q8a0c5-1f": unique across processes that share a store. */
export function uniqueId(): string {
  sequence += 1;
  return `${processPrefix}-${sequence.toString(36)}`;
}

function randomPrefix(): string {
  // 64 random bits: two processes picking the same prefix is as unlikely as a UUID collision.
  const words = crypto.getRandomValues(new Uint32Array(2));
  return words[0]!.toString(36) + words[1]!.toString(36);
}
