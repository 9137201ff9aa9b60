/**
 * Gemini's functionCall has no id on the Gemini API, but FFC pairs tool results with calls by
 * id. Generated ids are stable (the same response always gives the same ids, so replays and
 * caches agree) and carry a prefix so they are never sent back to Gemini as if they were its own.
 */
const generatedPrefix = "gemini-call-";

/** A stable id for the `index`-th function call of a response. */
export function generatedToolCallId(responseId: string | undefined, index: number, name: string): string {
  const seed = responseId ?? name;
  return `${generatedPrefix}${hash(seed)}-${index}`;
}

/** True for ids made by `generatedToolCallId`. */
export function isGeneratedToolCallId(id: string): boolean {
  return id.startsWith(generatedPrefix);
}

/** FNV-1a, 32 bits, as 8 hex digits: short, deterministic, good enough to tell responses apart. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(16).padStart(8, "0");
}
