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

/** One plugin of the guide's stack, each built as the stacks below build it. */
export type SinglePluginName = "tracking" | "budget" | "rate-limit" | "retry" | "fallback";

async function tokenTracker(): Promise<Plugin | undefined> {
  const TokenTracker = exported(await import("@ffc/tracking"), "TokenTracker");
  if (!TokenTracker) return undefined;
  const tracker = new TokenTracker();
  tracker.startSession?.();
  return tracker;
}

async function budgetManager(provider: string, model: string): Promise<Plugin | undefined> {
  const BudgetManager = exported(await import("@ffc/budget"), "BudgetManager");
  if (!BudgetManager) return undefined;
  // Limits no benchmark reaches: the gate is measured, never the refusal.
  const prices = { [`${provider}:${model}`]: { inputPerMillion: 0.15, outputPerMillion: 0.6 } };
  return new BudgetManager({ maxDailyTokens: 1e12, maxCostUsd: 1e9, prices });
}

async function rateLimiter(provider: string): Promise<Plugin | undefined> {
  const RateLimiter = exported(await import("@ffc/ratelimit"), "RateLimiter");
  if (!RateLimiter) return undefined;
  return new RateLimiter({ limits: [{ provider, requestsPerMinute: 1e9, tokensPerMinute: 1e12 }] });
}

async function retryConfig(): Promise<Policy | undefined> {
  const RetryConfig = exported(await import("@ffc/retry"), "RetryConfig");
  return RetryConfig ? (new RetryConfig({ maxRetries: 2 }) as Policy) : undefined;
}

async function fallbackConfig(
  primary: LanguageProvider,
  backup: LanguageProvider,
  model: string,
): Promise<Policy | undefined> {
  const FallbackConfig = exported(await import("@ffc/fallback"), "FallbackConfig");
  if (!FallbackConfig) return undefined;
  const targets = [
    { provider: primary, model },
    { provider: backup, model },
  ];
  return new FallbackConfig({ targets }) as Policy;
}

/** A stack of one plugin (or per-call policy), for the cost of each on its own. */
export async function singlePlugin(
  name: SinglePluginName,
  primary: LanguageProvider,
  backup: LanguageProvider,
  model = benchModel,
): Promise<PluginStack> {
  const stack: PluginStack = { plugins: [], callOptions: {}, included: [], missing: [] };
  const add = (plugin: Plugin | undefined) => {
    if (plugin) stack.plugins.push(plugin);
    else stack.missing.push(name);
  };
  switch (name) {
    case "tracking":
      add(await tokenTracker());
      break;
    case "budget":
      add(await budgetManager(primary.id, model));
      break;
    case "rate-limit":
      add(await rateLimiter(primary.id));
      break;
    case "retry": {
      const retry = await retryConfig();
      if (retry) stack.callOptions.retryConfig = retry;
      else stack.missing.push(name);
      break;
    }
    case "fallback": {
      const fallback = await fallbackConfig(primary, backup, model);
      if (fallback) stack.callOptions.fallbackConfig = fallback;
      else stack.missing.push(name);
      break;
    }
  }
  if (stack.missing.length === 0) stack.included.push(name);
  return stack;
}

/** Tracking, budget and rate limit: the observers and gates of every call to `provider`'s `model`. */
export async function meteringPlugins(provider = "openai", model = benchModel): Promise<PluginStack> {
  const stack: PluginStack = { plugins: [], callOptions: {}, included: [], missing: [] };
  const builders: [string, string, () => Promise<Plugin | undefined>][] = [
    ["TokenTracker", "@ffc/tracking", tokenTracker],
    ["BudgetManager", "@ffc/budget", () => budgetManager(provider, model)],
    ["RateLimiter", "@ffc/ratelimit", () => rateLimiter(provider)],
  ];
  for (const [name, packageName, build] of builders) {
    const plugin = await build();
    if (plugin) {
      stack.plugins.push(plugin);
      stack.included.push(name);
    } else stack.missing.push(`${name} (${packageName})`);
  }
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
  const retry = await retryConfig();
  if (retry) {
    stack.callOptions.retryConfig = retry;
    policies.push("RetryConfig");
  } else stack.missing.push("RetryConfig (@ffc/retry)");
  const fallback = await fallbackConfig(primary, backup, model);
  if (fallback) {
    stack.callOptions.fallbackConfig = fallback;
    policies.push("FallbackConfig");
  } else stack.missing.push("FallbackConfig (@ffc/fallback)");
  stack.included = [...policies, ...stack.included];
  return stack;
}
