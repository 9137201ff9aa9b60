import { uniqueId } from "@ffc/core/plugin";
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

/** A take to make, with its limit and the rule it comes from (which the refusal message describes). */
export interface WantedTake {
  take: HeldTake;
  amount: number;
  limit: number;
  rule: RateLimitRule;
}

/** The rules that apply to a target: those whose provider and model are unset or equal. */
export function matchingRules(rules: readonly RateLimitRule[], target: Target): RateLimitRule[] {
  return rules.filter(
    (rule) =>
      (rule.provider === undefined || rule.provider === target.provider) &&
      (rule.model === undefined || rule.model === target.model),
  );
}

/** The store keys of a rule in the global scope, built once per rule rather than once per call. */
const globalKeys = new WeakMap<RateLimitRule, { requests: string; tokens: string }>();

function keysOf(rule: RateLimitRule, scope: string): { requests: string; tokens: string } {
  if (scope === "global") {
    let keys = globalKeys.get(rule);
    if (!keys) {
      keys = ruleKeys(rule, scope);
      globalKeys.set(rule, keys);
    }
    return keys;
  }
  return ruleKeys(rule, encodeURIComponent(scope));
}

function ruleKeys(rule: RateLimitRule, scopeKey: string): { requests: string; tokens: string } {
  // A rule without model counts all the provider's models together, so the key leaves it open.
  const where = `${scopeKey}:${encodeURIComponent(rule.provider ?? "*")}:${encodeURIComponent(rule.model ?? "*")}`;
  return { requests: `${where}:requests`, tokens: `${where}:tokens` };
}

/** One request and the estimated tokens from every matching limit, each under its own key. */
export function wantedTakes(rules: readonly RateLimitRule[], scope: string, tokens: number): WantedTake[] {
  const wanted: WantedTake[] = [];
  for (const rule of rules) {
    const keys = keysOf(rule, scope);
    if (rule.requestsPerMinute !== undefined) {
      wanted.push({
        take: { key: keys.requests, id: uniqueId(), kind: "requests" },
        amount: 1,
        limit: rule.requestsPerMinute,
        rule,
      });
    }
    if (rule.tokensPerMinute !== undefined) {
      wanted.push({
        take: { key: keys.tokens, id: uniqueId(), kind: "tokens" },
        amount: tokens,
        limit: rule.tokensPerMinute,
        rule,
      });
    }
  }
  return wanted;
}

/** The limit a refused take hit, for the refusal message; only built when a take is refused. */
export function describeTake(wanted: WantedTake, target: Target): string {
  const { rule } = wanted;
  return wanted.take.kind === "requests"
    ? `${rule.requestsPerMinute} requests per minute${describeRule(rule, target)}`
    : `${rule.tokensPerMinute} tokens per minute${describeRule(rule, target)} (this call: about ${wanted.amount})`;
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
