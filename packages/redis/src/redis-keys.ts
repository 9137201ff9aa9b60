/**
 * Builds Redis keys for FFC state. Every key of one logical record shares a hash tag
 * (`{kind:id}`), so a Lua script that touches several of them stays on one Redis Cluster slot.
 */

/** Default prefix of every FFC key. */
export const defaultKeyPrefix = "ffc";

/**
 * A key like `ffc:{budget:user:42|day:2026-01-01}:reservations`. Braces in `id` are escaped,
 * because a `}` inside the tag would end it early and split one record across slots.
 */
export function redisKey(prefix: string, kind: string, id: string, part?: string): string {
  const tag = `{${escapeTag(kind)}:${escapeTag(id)}}`;
  return part === undefined ? `${prefix}:${tag}` : `${prefix}:${tag}:${part}`;
}

/** The keys of one record, all in the same hash tag. */
export function redisKeyFamily<Part extends string>(
  prefix: string,
  kind: string,
  id: string,
  parts: readonly Part[],
): Record<Part, string> {
  const keys = {} as Record<Part, string>;
  for (const part of parts) keys[part] = redisKey(prefix, kind, id, part);
  return keys;
}

/** The hash tag Redis Cluster uses to pick a slot for `key` (the whole key when there is none). */
export function hashTagOf(key: string): string {
  const open = key.indexOf("{");
  if (open === -1) return key;
  const close = key.indexOf("}", open + 1);
  if (close === -1 || close === open + 1) return key;
  return key.slice(open + 1, close);
}

/** Checks a key prefix given in options: non-empty, no braces (they would move the hash tag). */
export function isValidKeyPrefix(prefix: unknown): prefix is string {
  return typeof prefix === "string" && prefix.length > 0 && !/[{}]/.test(prefix);
}

function escapeTag(value: string): string {
  return value.replace(/%/g, "%25").replace(/\{/g, "%7B").replace(/\}/g, "%7D");
}
