import type { TimeoutDefaults } from "./default-timeouts";
import type { EmitEvent, LLMEvent } from "./events";
import type { LanguageProvider } from "./provider";
import type { ProviderReference } from "./provider-registry";
import type { LanguageRequest } from "./request";
import type { AttemptRecord, GenerateResult, ProviderResult } from "./result";
import type { StreamPart } from "./stream-part";
import type { WarnFunction } from "./warnings";

/**
 * What a policy sees of a call. Policies that change the target (fallback) pass a copy with
 * another `provider` and `request.model` to `next`; the `attempts` list is shared.
 */
export interface CallContext {
  /** Id of the call, shared by all its events. */
  readonly callId: string;
  readonly operation: "generate" | "stream";
  /** The request for the current target. */
  readonly request: LanguageRequest;
  /** The current target's provider. */
  readonly provider: LanguageProvider;
  /** Aborted when the caller aborts or the call's deadline passes. */
  readonly signal: AbortSignal;
  /** Time limit of one attempt, in milliseconds (for streams: the longest wait between parts). */
  readonly attemptTimeoutMs?: number;
  /** The manager's time limits for attempts without `attemptTimeoutMs` (see TimeoutDefaults). */
  readonly timeoutDefaults?: TimeoutDefaults;
  /** Every attempt so far, across retries and fallbacks. */
  readonly attempts: AttemptRecord[];
  /** Emits an event tagged with this call. */
  readonly emit: EmitEvent;
  /** Resolves a provider id (or object) with the manager's settings; the same function for every call of a manager. */
  readonly resolveProvider: (reference: ProviderReference) => Promise<LanguageProvider>;
  /** Per-call scratch space for policies, keyed by something the policy owns. */
  readonly state: Map<unknown, unknown>;
  /** Reports a warning: a `warning` event and the manager's logger, once per process. */
  readonly warn: WarnFunction;
}

/** The rest of the chain for a generate call. */
export type GenerateNext = (call: CallContext) => Promise<ProviderResult>;
/** The rest of the chain for a stream call. */
export type StreamNext = (call: CallContext) => AsyncIterable<StreamPart>;

/**
 * Where a policy sits, named for its position. The manager orders policies by stage,
 * outermost first; within a stage, in the order they were given. This is the one place the
 * order is defined:
 * - `observe`: sees the whole call as the caller does, cache hits included (OpenTelemetry).
 * - `cache`: answers repeated requests before anything is spent (ResponseCache).
 * - `admission`: admits or refuses the call once, for all its attempts (BudgetManager and
 *   RateLimiter with `perAttempt: false`).
 * - `fallback`: moves on to the next target (FallbackConfig).
 * - `retry`: tries a target again (RetryConfig); inside fallback, so each target is retried.
 * - `attempt`: runs around every single attempt (per-attempt budget and rate limit; the
 *   default for policies that declare no stage).
 * The per-attempt timeout and the provider call are innermost.
 */
export type PolicyStage = "observe" | "cache" | "admission" | "fallback" | "retry" | "attempt";

/** The stages, outermost first. */
export const policyStages: readonly PolicyStage[] = [
  "observe",
  "cache",
  "admission",
  "fallback",
  "retry",
  "attempt",
];

const stageRank: Record<string, number> = Object.fromEntries(
  policyStages.map((stage, rank) => [stage, rank]),
);

/** A layer of the onion around every attempt; implement `generate`, `stream` or both. */
export interface Policy {
  /** A name for errors and debugging. */
  readonly name: string;
  /**
   * Where it sits in the chain (see PolicyStage).
   * @default "attempt"
   */
  readonly stage?: PolicyStage;
  generate?(call: CallContext, next: GenerateNext): Promise<ProviderResult>;
  stream?(call: CallContext, next: StreamNext): AsyncIterable<StreamPart>;
}

/** A plugin: a policy, an event observer, a result decorator, or any mix of them. */
export interface Plugin extends Partial<Omit<Policy, "name">> {
  readonly name: string;
  /** Receives every event of every manager the plugin is used by. */
  onEvent?(event: LLMEvent): void;
  /** Called before a result is returned, e.g. to set `costUsd`. */
  finalizeResult?(result: GenerateResult, call: CallContext): void;
}

/** True when `stage` is absent or one of the PolicyStage names. */
export function isPolicyStage(stage: unknown): stage is PolicyStage | undefined {
  return stage === undefined || (typeof stage === "string" && Object.hasOwn(stageRank, stage));
}

/** Orders policies by stage, keeping the given order within a stage. */
export function orderPolicies<T extends Partial<Policy>>(policies: readonly T[]): T[] {
  return policies
    .map((policy, index) => ({ policy, index }))
    .sort(
      (left, right) =>
        stageRank[left.policy.stage ?? "attempt"]! - stageRank[right.policy.stage ?? "attempt"]! ||
        left.index - right.index,
    )
    .map((entry) => entry.policy);
}

/** Builds the generate chain: the first policy is the outermost layer. */
export function composeGenerate(policies: readonly Partial<Policy>[], innermost: GenerateNext): GenerateNext {
  let next = innermost;
  for (let index = policies.length - 1; index >= 0; index -= 1) {
    const policy = policies[index]!;
    if (!policy.generate) continue;
    const inner = next;
    next = (call) => policy.generate!(call, inner);
  }
  return next;
}

/** Builds the stream chain: the first policy is the outermost layer. */
export function composeStream(policies: readonly Partial<Policy>[], innermost: StreamNext): StreamNext {
  let next = innermost;
  for (let index = policies.length - 1; index >= 0; index -= 1) {
    const policy = policies[index]!;
    if (!policy.stream) continue;
    const inner = next;
    next = (call) => policy.stream!(call, inner);
  }
  return next;
}
