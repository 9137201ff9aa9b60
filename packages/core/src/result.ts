import type { ContentPart, ToolCallPart } from "./message";
import type { Usage } from "./usage";
import type { ProviderWarning } from "./warnings";

/** Why the model stopped. */
export type FinishReason = "stop" | "length" | "tool-calls" | "content-filter" | "error" | "other";

/** A finished tool call. */
export type ToolCall = Omit<ToolCallPart, "type">;

/** What a provider returns for one request. */
export interface ProviderResult {
  text: string;
  content: ContentPart[];
  toolCalls: ToolCall[];
  /** Reasoning text, where the vendor returned it. */
  reasoning?: string;
  finishReason: FinishReason;
  /** The vendor's own finish reason, unmapped. */
  rawFinishReason?: string;
  usage: Usage;
  /** The model that answered, as the vendor reports it. */
  model: string;
  responseId?: string;
  /** The vendor's rate-limit headers (see `pickRateLimitHeaders`), for limiters that learn from them. */
  rateLimitHeaders?: Record<string, string>;
  /** Warnings of the vendor or its SDK about this request (e.g. a deprecated model); reported once per process. */
  warnings?: ProviderWarning[];
}

/** One attempt of a call: which target, how long, what it used, and how it ended. */
export interface AttemptRecord {
  provider: string;
  model: string;
  /** 1-based position among the call's attempts. */
  attempt: number;
  durationMs: number;
  /** Tokens the attempt consumed, when known (failed attempts may have consumed some). */
  usage?: Usage;
  /** The error that ended it; absent for the successful attempt. */
  error?: unknown;
}

/** The result of `LLMManager.generate` (and of a finished stream). */
export interface GenerateResult extends ProviderResult {
  /** Provider id that produced the result. */
  provider: string;
  /** Every attempt made, including failed ones. */
  attempts: AttemptRecord[];
  /** Cost in USD of all attempts, set by a cost-aware plugin; `null` when a price is unknown. */
  costUsd?: number | null;
  /** True when the result came from a response cache without calling the vendor. */
  cached?: boolean;
  /** The parsed JSON of `text`, when the call asked for JSON output and the text parsed. */
  object?: unknown;
}
