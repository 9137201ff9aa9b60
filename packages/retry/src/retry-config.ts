import {
  AbortError,
  type CallContext,
  type GenerateNext,
  type Policy,
  type ProviderResult,
  StreamInterruptedError,
  type StreamNext,
  type StreamPart,
} from "@ffc/core";
import { peekStream, sleep, tapStream } from "@ffc/core/plugin";
import { backoffDelay } from "./backoff";
import { type ResolvedRetryOptions, type RetryOptions, resolveRetryOptions } from "./retry-options";

const noPartWork = () => {};

/**
 * Why a retry policy let an error through; the `reason` of a "retry-give-up" event starts
 * with one of these, followed by ": " and a sentence with the figures.
 */
export type RetryGiveUpReason =
  | "not-retryable"
  | "retries-exhausted"
  | "retry-after-too-long"
  | "retry-budget-exhausted"
  | "aborted"
  | "stream-started";

type Decision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: `${RetryGiveUpReason}: ${string}` };

/** The retry state of one call on one target. */
interface RetryRun {
  /** Decides about a failure: waits and returns to try again, or emits a give-up and throws. */
  afterFailure(error: unknown): Promise<void>;
  /** Emits a give-up for an error the policy lets through without deciding (stream already started). */
  giveUp(error: unknown, reason: Decision & { retry: false }): void;
}

/**
 * Retries failed attempts with exponential backoff and jitter, honouring the vendor's
 * retry-after hints and a per-provider retry budget. A core Policy: pass it per call as
 * `retryConfig`, or to every call as a plugin of LLMManager.
 */
export class RetryConfig implements Policy {
  /** Policy name, for errors and debugging. */
  readonly name = "retry";
  /** Sits inside fallback, so every fallback target gets its own retries. */
  readonly stage = "retry" as const;
  readonly #options: ResolvedRetryOptions;

  constructor(options: RetryOptions = {}) {
    this.#options = resolveRetryOptions(options);
  }

  /** The largest number of retries after the first attempt. */
  get maxRetries(): number {
    return this.#options.maxRetries;
  }

  /** Runs the rest of the chain, retrying failures that qualify. */
  async generate(call: CallContext, next: GenerateNext): Promise<ProviderResult> {
    const run = this.#start(call);
    while (true) {
      try {
        return await next(call);
      } catch (error) {
        await run.afterFailure(error);
      }
    }
  }

  /**
   * Streams the rest of the chain, retrying failures before the first part. After it the parts
   * are handed through with one `then` each (see tapStream), never retried again.
   */
  stream(call: CallContext, next: StreamNext): AsyncIterable<StreamPart> {
    let started: RetryRun | undefined;
    return tapStream({
      open: async () => {
        const run = this.#start(call);
        while (true) {
          try {
            // Only a failure before the first part can be retried without the caller noticing.
            const peeked = await peekStream(next(call));
            started = run;
            return peeked.stream;
          } catch (error) {
            await run.afterFailure(error);
          }
        }
      },
      part: noPartWork,
      done: noPartWork,
      fail: (error) => {
        // Before the first part, afterFailure already decided (and reported) not to retry.
        if (!started) return error;
        const aborted = call.signal.aborted || AbortError.isInstance(error);
        started.giveUp(error, {
          retry: false,
          reason: aborted
            ? "aborted: the stream was aborted after its first part"
            : "stream-started: the stream failed after its first part, so retrying would repeat output",
        });
        return error;
      },
      closed: noPartWork,
    });
  }

  #start(call: CallContext): RetryRun {
    const options = this.#options;
    const target = { provider: call.provider.id, model: call.request.model };
    options.retryBudget?.recordCall(target.provider);
    let retries = 0;
    let previousDelayMs = options.initialDelayMs;
    const giveUp: RetryRun["giveUp"] = (error, decision) => {
      call.emit("retry-give-up", { ...target, attempts: retries + 1, error, reason: decision.reason });
    };
    return {
      giveUp,
      afterFailure: async (error) => {
        const decision = this.#decide(error, call, retries, previousDelayMs);
        if (!decision.retry) {
          giveUp(error, decision);
          throw error;
        }
        retries += 1;
        previousDelayMs = decision.delayMs;
        call.emit("retry-scheduled", {
          ...target,
          attempt: call.attempts.length + 1,
          delayMs: decision.delayMs,
          error,
        });
        try {
          await sleep(decision.delayMs, call.signal);
        } catch (abortError) {
          giveUp(abortError, {
            retry: false,
            reason: "aborted: the call was aborted while waiting to retry",
          });
          throw abortError;
        }
      },
    };
  }

  #decide(error: unknown, call: CallContext, retries: number, previousDelayMs: number): Decision {
    const options = this.#options;
    const name = nameOf(error);
    if (call.signal.aborted || AbortError.isInstance(error)) {
      return { retry: false, reason: "aborted: an aborted call is never retried" };
    }
    if (StreamInterruptedError.isInstance(error)) {
      return { retry: false, reason: "stream-started: the stream failed after its first part" };
    }
    // A predicate decides alone; a class list never overrides an error that says it cannot succeed.
    if (!options.customPredicate && (error as { retryable?: unknown } | null)?.retryable === false) {
      return { retry: false, reason: `not-retryable: ${name} is marked as not retryable` };
    }
    if (!options.shouldRetry(error)) {
      return { retry: false, reason: `not-retryable: ${name} is not in errorsToRetry` };
    }
    if (retries >= options.maxRetries) {
      return {
        retry: false,
        reason: `retries-exhausted: gave up after ${retries} retries (maxRetries ${options.maxRetries})`,
      };
    }
    let delayMs = backoffDelay(options, retries + 1, previousDelayMs);
    const hint = options.respectRetryAfter ? retryAfterOf(error) : undefined;
    if (hint !== undefined) {
      if (hint > options.maxRetryAfterMs) {
        return {
          retry: false,
          reason: `retry-after-too-long: the vendor asked to wait ${hint} ms, more than maxRetryAfterMs (${options.maxRetryAfterMs} ms)`,
        };
      }
      delayMs = Math.max(delayMs, hint);
    }
    const budget = options.retryBudget;
    if (budget && !budget.tryRetry(call.provider.id)) {
      const usage = budget.usage(call.provider.id);
      return {
        retry: false,
        reason: `retry-budget-exhausted: ${usage.retries} retries for ${usage.calls} calls to ${call.provider.id} in the last ${budget.windowMs} ms`,
      };
    }
    return { retry: true, delayMs: Math.ceil(delayMs) };
  }
}

/** The vendor's wait hint (retry-after-ms, retry-after or Gemini RetryInfo), as providers set it. */
function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
