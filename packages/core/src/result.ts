import type { ContentPart, ToolCallPart, ToolResultPart } from "./message";
import type { InferSchemaOutput } from "./standard-schema";
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

/**
 * One model call of a call's step loop (tool loop or structured-output repair): what the
 * model answered, the tools that ran on it, what it used and cost.
 */
export interface StepResult extends ProviderResult {
  /** 1-based position among the call's steps. */
  step: number;
  /** Provider id that answered this step. */
  provider: string;
  /** The attempts of this step (retries and fallbacks included). */
  attempts: AttemptRecord[];
  /** Results of the step's tool calls that FFC ran, in the order of the calls. */
  toolResults: ToolResultPart[];
  /** Cost in USD of this step's attempts, when a cost-aware plugin set it; `null` when a price is unknown. */
  costUsd?: number | null;
}

/** The result of `LLMManager.generate` (and of a finished stream); `Output` is the type of `object`. */
export interface GenerateResult<Output = unknown> extends ProviderResult {
  /** Provider id that produced the result. */
  provider: string;
  /** Every attempt made, including failed ones. */
  attempts: AttemptRecord[];
  /** Cost in USD of all attempts, set by a cost-aware plugin; `null` when a price is unknown. */
  costUsd?: number | null;
  /** True when the result came from a response cache without calling the vendor. */
  cached?: boolean;
  /**
   * The answer as an object, when the call asked for JSON: validated against the schema when it
   * gave one (else only parsed; absent when the text did not parse).
   */
  object?: Output;
  /**
   * One entry per model call when the call ran steps (tools with `execute`, or a schema):
   * then `usage` is the sum over the steps and `text`, `toolCalls` are the last step's.
   */
  steps?: StepResult[];
}

/** The result type of a call with this `responseFormat.schema`: `object` typed and present. */
export type GenerateResultFor<Schema> = [Schema] extends [never]
  ? GenerateResult
  : GenerateResult<InferSchemaOutput<Schema>> & { object: InferSchemaOutput<Schema> };
