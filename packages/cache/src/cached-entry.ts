import type { ProviderResult, StreamPart } from "@ffc/core";
import { emptyUsage } from "@ffc/core/plugin";

/** What the cache keeps of one response. */
export interface CachedEntry {
  /** Format version of the stored JSON. */
  version: 1;
  /** The provider that answered (a fallback target may have answered for the primary). */
  provider: string;
  /** The response as the provider returned it, with the usage it cost then. */
  result: ProviderResult;
  /** When it was stored, ms since the epoch. */
  storedAt: number;
}

/** Serializes an entry for a CacheStore. */
export function serializeEntry(entry: CachedEntry): string {
  return JSON.stringify(entry);
}

/** Reads a stored entry; undefined when it is not one (corrupt, or written by another version). */
export function parseEntry(text: string): CachedEntry | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const entry = parsed as CachedEntry;
  const result = entry?.result;
  if (
    entry?.version !== 1 ||
    typeof entry.provider !== "string" ||
    typeof result !== "object" ||
    result === null ||
    typeof result.text !== "string" ||
    !Array.isArray(result.content) ||
    !Array.isArray(result.toolCalls) ||
    typeof result.finishReason !== "string" ||
    typeof result.model !== "string"
  ) {
    return undefined;
  }
  return entry;
}

/** The result a hit returns: the stored answer, with the usage of this call (none). */
export function hitResult(entry: CachedEntry): ProviderResult {
  return { ...entry.result, usage: emptyUsage() };
}

/** Replays a stored answer as stream parts, ending in `finish` like a live stream. */
export function* replayParts(entry: CachedEntry): Iterable<StreamPart> {
  const result = entry.result;
  if (result.reasoning) yield { type: "reasoning-delta", text: result.reasoning };
  if (result.text) yield { type: "text-delta", text: result.text };
  for (const toolCall of result.toolCalls) yield { type: "tool-call", toolCall };
  const finish: Extract<StreamPart, { type: "finish" }> = {
    type: "finish",
    finishReason: result.finishReason,
    usage: emptyUsage(),
    model: result.model,
  };
  if (result.rawFinishReason) finish.rawFinishReason = result.rawFinishReason;
  if (result.responseId) finish.responseId = result.responseId;
  yield finish;
}
