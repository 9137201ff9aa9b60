import type { MappedRequest } from "./request-mapping";
import type { GeminiResponse } from "./wire-types";

/** What one call hands the transport, and where the transport leaves what it saw. */
export interface TransportCall {
  signal: AbortSignal;
  /** Filled with the HTTP response headers and status when the transport can see them (for retry hints). */
  capture: { headers?: Headers; status?: number };
}

/**
 * One way of reaching Gemini: @google/genai, or a legacy @google/generative-ai client or model.
 * The request and response shapes are Gemini's REST ones in both cases.
 */
export interface GeminiTransport {
  generate(model: string, mapped: MappedRequest, call: TransportCall): Promise<GeminiResponse>;
  stream(model: string, mapped: MappedRequest, call: TransportCall): Promise<AsyncIterable<GeminiResponse>>;
  countTokens(model: string, mapped: MappedRequest, call: TransportCall): Promise<number>;
  /** Secrets the transport holds (the key of a client passed in), to redact from errors. */
  readonly secrets: readonly (string | undefined)[];
}

/** Deep-merges `extra` into `target` (objects merge, everything else replaces). */
export function deepMerge(
  target: Record<string, unknown>,
  extra: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (!extra) return target;
  const merged: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
