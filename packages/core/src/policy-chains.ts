import type { GenerateNext, Plugin, Policy, StreamNext } from "./policy";
import { composeGenerate, composeStream, orderPolicies } from "./policy";

/** The policies of a call, outermost first, and the chains composed from them. */
export interface PolicyChains {
  readonly policies: readonly Partial<Policy>[];
  /** The generate chain, ending in `innermostGenerate`. */
  readonly generate: GenerateNext;
  /** The stream chain, ending in `innermostStream`. */
  readonly stream: StreamNext;
}

/** The per-call policies of a call's options: retry, fallback and any others. */
export interface PerCallPolicies {
  retryConfig?: Policy | undefined;
  fallbackConfig?: Policy | undefined;
  policies?: readonly Policy[] | undefined;
}

/**
 * Orders and composes a manager's policies with each call's own, and keeps the last result:
 * calls usually pass the same RetryConfig and FallbackConfig objects every time, and sorting
 * and composing them again cost several µs and a closure per layer on every call.
 */
export class PolicyChainCache {
  readonly #innermostGenerate: GenerateNext;
  readonly #innermostStream: StreamNext;
  #managerPolicies: readonly Plugin[] = [];
  #managerChains: PolicyChains | undefined;
  #last:
    | {
        perCall: { retryConfig: Policy | undefined; fallbackConfig: Policy | undefined; policies: Policy[] };
        chains: PolicyChains;
      }
    | undefined;

  constructor(innermostGenerate: GenerateNext, innermostStream: StreamNext) {
    this.#innermostGenerate = innermostGenerate;
    this.#innermostStream = innermostStream;
  }

  /** Replaces the manager's own policies (after `use`); forgets every cached chain. */
  setManagerPolicies(plugins: readonly Plugin[]): void {
    this.#managerPolicies = orderPolicies(plugins.filter((item) => item.generate || item.stream));
    this.#managerChains = undefined;
    this.#last = undefined;
  }

  /** The chains of a call with these per-call policies. */
  chainsFor(perCall: PerCallPolicies): PolicyChains {
    const { retryConfig, fallbackConfig, policies } = perCall;
    if (!retryConfig && !fallbackConfig && !policies?.length) {
      this.#managerChains ??= this.#compose(this.#managerPolicies);
      return this.#managerChains;
    }
    const last = this.#last;
    if (
      last &&
      last.perCall.retryConfig === retryConfig &&
      last.perCall.fallbackConfig === fallbackConfig &&
      sameItems(last.perCall.policies, policies ?? noPolicies)
    ) {
      return last.chains;
    }
    const given = [retryConfig, fallbackConfig, ...(policies ?? [])].filter(
      (policy): policy is Policy => policy !== undefined,
    );
    const chains = this.#compose(orderPolicies([...this.#managerPolicies, ...given]));
    // A copy of the list: the caller may change its array later.
    this.#last = { perCall: { retryConfig, fallbackConfig, policies: [...(policies ?? [])] }, chains };
    return chains;
  }

  #compose(policies: readonly Partial<Policy>[]): PolicyChains {
    return {
      policies,
      generate: composeGenerate(policies, this.#innermostGenerate),
      stream: composeStream(policies, this.#innermostStream),
    };
  }
}

const noPolicies: readonly Policy[] = [];

function sameItems(left: readonly unknown[], right: readonly unknown[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index += 1) if (left[index] !== right[index]) return false;
  return true;
}
