import type { GenerateOptions, LanguageProvider, Plugin, Policy } from "@ffc/core";
import { benchModel } from "./bench-settings";

/** Plugins and per-call options of an FFC contender, and which plugin packages were found. */
export interface PluginStack {
  /** Plugins given to the LLMManager. */
  plugins: Plugin[];
  /** Options added to every call (retryConfig, fallbackConfig), as the guide passes them. */
  callOptions: Pick<GenerateOptions, "retryConfig" | "fallbackConfig">;
  /** Names of the plugins in the stack, e.g. "TokenTracker". */
  included: string[];
  /** Plugins asked for whose package does not export them (yet). */
  missing: string[];
}

type Exports = Record<string, unknown>;
type Constructor = new (options?: any) => any;

/**
 * The plugin packages are built by other engineers in parallel; a package that does not export
 * its class yet is reported as missing instead of breaking the whole benchmark.
 */
function exported(module: Exports, name: string): Constructor | undefined {
  const value = module[name];
  return typeof value === "function" ? (value as Constructor) : undefined;
}

/** Tracking, budget and rate limit: the observers and gates of every call to `provider`'s `model`. */
export async function meteringPlugins(provider = "openai", model = benchModel): Promise<PluginStack> {
  const stack: PluginStack = { plugins: [], callOptions: {}, included: [], missing: [] };
  const TokenTracker = exported(await import("@ffc/tracking"), "TokenTracker");
  if (TokenTracker) {
    const tracker = new TokenTracker();
    tracker.startSession?.();
    stack.plugins.push(tracker);
    stack.included.push("TokenTracker");
  } else stack.missing.push("TokenTracker (@ffc/tracking)");

  const BudgetManager = exported(await import("@ffc/budget"), "BudgetManager");
  if (BudgetManager) {
    // Limits no benchmark reaches: the gate is measured, never the refusal.
    const prices = { [`${provider}:${model}`]: { inputPerMillion: 0.15, outputPerMillion: 0.6 } };
    stack.plugins.push(new BudgetManager({ maxDailyTokens: 1e12, maxCostUsd: 1e9, prices }));
    stack.included.push("BudgetManager");
  } else stack.missing.push("BudgetManager (@ffc/budget)");

  const RateLimiter = exported(await import("@ffc/ratelimit"), "RateLimiter");
  if (RateLimiter) {
    const limits = [{ provider, requestsPerMinute: 1e9, tokensPerMinute: 1e12 }];
    stack.plugins.push(new RateLimiter({ limits }));
    stack.included.push("RateLimiter");
  } else stack.missing.push("RateLimiter (@ffc/ratelimit)");
  return stack;
}

/** Retry and fallback (to a second provider on the same server) on top of the metering plugins. */
export async function fullPluginStack(
  primary: LanguageProvider,
  backup: LanguageProvider,
  model = benchModel,
): Promise<PluginStack> {
  const stack = await meteringPlugins(primary.id, model);
  const policies: string[] = [];
  const RetryConfig = exported(await import("@ffc/retry"), "RetryConfig");
  if (RetryConfig) {
    stack.callOptions.retryConfig = new RetryConfig({ maxRetries: 2 }) as Policy;
    policies.push("RetryConfig");
  } else stack.missing.push("RetryConfig (@ffc/retry)");

  const FallbackConfig = exported(await import("@ffc/fallback"), "FallbackConfig");
  if (FallbackConfig) {
    const targets = [
      { provider: primary, model },
      { provider: backup, model },
    ];
    stack.callOptions.fallbackConfig = new FallbackConfig({ targets }) as Policy;
    policies.push("FallbackConfig");
  } else stack.missing.push("FallbackConfig (@ffc/fallback)");
  stack.included = [...policies, ...stack.included];
  return stack;
}
