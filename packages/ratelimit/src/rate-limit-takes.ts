import type { RateLimitRule } from "./rate-limiter-options";

/** Every limit is per minute. */
export const windowMs = 60_000;

/** The provider and model a call (or attempt) goes to. */
export interface Target {
  provider: string;
  model: string;
}

/** One take held for a call, settled with what the call really used. */
export interface HeldTake {
  key: string;
  id: string;
  kind: "requests" | "tokens";
}

/** A take to make, with its limit and a description for the refusal message. */
export interface WantedTake {
  take: HeldTake;
  amount: number;
  limit: number;
  what: string;
}

/** The rules that apply to a target: those whose provider and model are unset or equal. */
export function matchingRules(rules: readonly RateLimitRule[], target: Target): RateLimitRule[] {
  return rules.filter(
    (rule) =>
      (rule.provider === undefined || rule.provider === target.provider) &&
      (rule.model === undefined || rule.model === target.model),
  );
}

/** One request and the estimated tokens from every matching rule, each under its own key. */
export function wantedTakes(
  rules: readonly RateLimitRule[],
  scope: string,
  target: Target,
  tokens: number,
): WantedTake[] {
  const wanted: WantedTake[] = [];
  for (const rule of rules) {
    // A rule without model counts all the provider's models together, so the key leaves it open.
    const where = [scope, rule.provider ?? "*", rule.model ?? "*"].map(encodeURIComponent).join(":");
    if (rule.requestsPerMinute !== undefined) {
      wanted.push({
        take: { key: `${where}:requests`, id: crypto.randomUUID(), kind: "requests" },
        amount: 1,
        limit: rule.requestsPerMinute,
        what: `${rule.requestsPerMinute} requests per minute${describeRule(rule, target)}`,
      });
    }
    if (rule.tokensPerMinute !== undefined) {
      wanted.push({
        take: { key: `${where}:tokens`, id: crypto.randomUUID(), kind: "tokens" },
        amount: tokens,
        limit: rule.tokensPerMinute,
        what: `${rule.tokensPerMinute} tokens per minute${describeRule(rule, target)} (this call: about ${tokens})`,
      });
    }
  }
  return wanted;
}

/** The key of a vendor's pause: per provider and model, shared by every scope. */
export function vendorKey(provider: string, model: string): string {
  return `vendor:${encodeURIComponent(provider)}:${encodeURIComponent(model)}`;
}

function describeRule(rule: RateLimitRule, target: Target): string {
  if (rule.provider === undefined && rule.model === undefined) return " (all providers)";
  if (rule.model === undefined) return ` (all ${target.provider} models)`;
  return "";
}
