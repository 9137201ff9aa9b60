import { type HeaderList, pickRateLimitHeaders } from "./rate-limit-headers";
import type { ProviderResult } from "./result";
import type { StreamPart } from "./stream-part";
import type { ProviderWarning } from "./warnings";

/** Puts warnings on a provider's result (core reports them once per process); none leaves it as it is. */
export function withWarnings(
  result: ProviderResult,
  warnings: ProviderWarning[] | undefined,
): ProviderResult {
  if (!warnings || warnings.length === 0) return result;
  result.warnings = [...(result.warnings ?? []), ...warnings];
  return result;
}

/** The `finish` part of a stream. */
export type FinishPart = Extract<StreamPart, { type: "finish" }>;

/**
 * The finish part with the response's rate-limit headers and the provider's warnings on it, for
 * a provider that maps its stream in one generator (no `finishWith…` layer per part).
 */
export function finishPartWith(
  part: FinishPart,
  headers: HeaderList | undefined,
  warnings: ProviderWarning[] | undefined,
): FinishPart {
  const rateLimitHeaders = pickRateLimitHeaders(headers);
  if (!rateLimitHeaders && (!warnings || warnings.length === 0)) return part;
  const finished: FinishPart = { ...part };
  if (rateLimitHeaders) finished.rateLimitHeaders = rateLimitHeaders;
  if (warnings && warnings.length > 0) finished.warnings = [...(part.warnings ?? []), ...warnings];
  return finished;
}
