import { AuthenticationError, ContextLengthError, RateLimitError } from "@ffc/core";

/** A resolved target of the chain, as the fallback rules see it. */
export interface TargetInfo {
  /** Provider id. */
  provider: string;
  /** Model id. */
  model: string;
  /** The model's context window in tokens, when its provider knows it. */
  contextWindow?: number;
}

/**
 * Whether an error that moves on may move to `to`. Some errors would only repeat on some
 * targets: a prompt too long for one model fits only a model with a larger window, and a
 * rejected key or an exhausted quota belongs to one vendor account.
 */
export function suitsTarget(error: unknown, from: TargetInfo, to: TargetInfo): boolean {
  if (ContextLengthError.isInstance(error)) {
    return (
      from.contextWindow !== undefined &&
      to.contextWindow !== undefined &&
      to.contextWindow > from.contextWindow
    );
  }
  if (AuthenticationError.isInstance(error)) return to.provider !== from.provider;
  if (RateLimitError.isInstance(error) && error.quotaExhausted) return to.provider !== from.provider;
  return true;
}

/** Why a target was passed over after `from` failed with `error`, for AllProvidersFailedError. */
export function unsuitableReason(error: unknown, from: TargetInfo): string {
  if (ContextLengthError.isInstance(error)) {
    return `its context window is not known to be larger than that of ${from.provider}/${from.model}`;
  }
  return `it is the same vendor (${from.provider}) whose account refused the call`;
}
