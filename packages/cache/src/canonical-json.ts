/**
 * JSON with object keys sorted at every depth, so that two requests that differ only in key
 * order give the same text (and so the same cache key). Like JSON.stringify, it leaves out
 * undefined values and functions.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function")
    return sortKeys((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== "function") sorted[key] = sortKeys(item);
  }
  return sorted;
}
