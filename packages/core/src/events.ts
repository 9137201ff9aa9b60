import type { RequestMetadata } from "./request";
import type { AttemptRecord, FinishReason, GenerateResult } from "./result";
import type { SanitizeReport } from "./sanitize";
import type { Usage } from "./usage";

/** A provider and model pair; fallback chains are lists of these. */
export interface TargetReference {
  provider: string;
  model: string;
}

/**
 * Every event FFC emits, by name. Plugins may add their own by declaration merging:
 * `declare module "@ffc/core" { interface LLMEventMap { "my-event": { ... } } }`.
 */
export interface LLMEventMap {
  "call-start": TargetReference & { operation: "generate" | "stream" };
  "call-end": { result: GenerateResult; durationMs: number };
  "call-error": { error: unknown; durationMs: number; attempts: readonly AttemptRecord[] };
  "attempt-start": TargetReference & { attempt: number };
  "attempt-end": TargetReference & {
    attempt: number;
    durationMs: number;
    usage: Usage;
    finishReason: FinishReason;
    /** The vendor's rate-limit headers, when the provider passed them on. */
    rateLimitHeaders?: Record<string, string>;
  };
  "attempt-error": TargetReference & {
    attempt: number;
    durationMs: number;
    error: unknown;
    /** Tokens consumed before the failure; `estimated` when the vendor never reported them. */
    usage?: Usage;
    estimated?: boolean;
  };
  "retry-scheduled": TargetReference & { attempt: number; delayMs: number; error: unknown };
  "retry-give-up": TargetReference & { attempts: number; error: unknown; reason: string };
  fallback: { from: TargetReference; to: TargetReference; error: unknown };
  "breaker-opened": TargetReference & { failures: number; cooldownMs: number };
  "breaker-half-open": TargetReference;
  "breaker-closed": TargetReference;
  "budget-reserved": { scope: string; tokens: number; usd: number | null };
  "budget-committed": { scope: string; tokens: number; usd: number | null };
  "budget-released": { scope: string; tokens: number; usd: number | null };
  "budget-refused": { scope: string; error: unknown };
  "budget-warning": {
    scope: string;
    unit: "tokens" | "usd";
    threshold: number;
    spent: number;
    limit: number;
  };
  "rate-limit-waited": TargetReference & { waitedMs: number; scope: string };
  "rate-limit-refused": TargetReference & { scope: string; error: unknown };
  "cache-hit": TargetReference & {
    key: string;
    /** Tokens the hit saved: the usage of the answer when it was first made. */
    savedUsage?: Usage;
  };
  "cache-miss": TargetReference & { key: string };
  "input-sanitized": { template: string; reports: SanitizeReport[] };
  "context-fitted": { dropped: string[]; truncated: string[]; tokens: number; maxInputTokens: number };
  /** Something the user should know that did not fail the call (sent at most once per process). */
  warning: {
    /** A stable code, e.g. "model-deprecated". */
    code: string;
    /** What happened and what to do. */
    message: string;
    provider?: string;
    model?: string;
  };
}

/** The name of an event. */
export type LLMEventType = keyof LLMEventMap;

/** Fields every event has. */
export interface LLMEventBase<Type extends LLMEventType = LLMEventType> {
  type: Type;
  /** Groups the events of one `generate` or `stream` call. */
  callId: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** The call's metadata (sessionId, userId, tags), for grouping. */
  metadata?: RequestMetadata;
}

/** An event of one type, with its fields. */
export type LLMEventOf<Type extends LLMEventType> = Type extends LLMEventType
  ? LLMEventBase<Type> & LLMEventMap[Type]
  : never;

/** Any event. */
export type LLMEvent = { [Type in LLMEventType]: LLMEventOf<Type> }[LLMEventType];

/** Emits an event of the current call; the fields object becomes the event, so pass a fresh one. */
export type EmitEvent = <Type extends LLMEventType>(type: Type, fields: LLMEventMap[Type]) => void;

/** Receives events. */
export type LLMEventListener<Type extends LLMEventType = LLMEventType> = (event: LLMEventOf<Type>) => void;
