import type { GenerateOptions } from "./call-options";
import { ConfigError } from "./errors/config-error";
import type { Policy } from "./policy";
import { isLanguageProvider } from "./provider";

/**
 * Checks the options of one call by hand: this runs on every call, so it stays cheap,
 * and each message names the option and what to pass instead.
 */
export function checkCallOptions(options: GenerateOptions<any>): void {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError("llm.generate(options): pass an object such as { template, context }.");
  }
  // retryConfig and fallbackConfig are the guide's names; to core they are policies like any other.
  checkPolicy(options.retryConfig, "retryConfig", "new RetryConfig({ maxRetries: 3 })");
  checkPolicy(options.fallbackConfig, "fallbackConfig", "new FallbackConfig({ providers, models })");
  if (options.policies !== undefined) {
    if (!Array.isArray(options.policies)) throw new ConfigError('"policies" must be an array of policies.');
    for (const [index, policy] of options.policies.entries()) {
      checkPolicy(policy, `policies[${index}]`, "an object with generate or stream");
    }
  }
  checkPositive(options.timeoutMs, "timeoutMs");
  checkPositive(options.deadlineMs, "deadlineMs");
  checkPositive(options.maxTokens, "maxTokens");
  if (options.model !== undefined && (typeof options.model !== "string" || options.model.length === 0)) {
    throw new ConfigError('"model" must be a non-empty string such as "gpt-4o".');
  }
  if (options.signal !== undefined && !(typeof options.signal === "object" && "aborted" in options.signal)) {
    throw new ConfigError('"signal" must be an AbortSignal, e.g. from new AbortController().signal.');
  }
  if (isLanguageProvider(options as unknown)) {
    throw new ConfigError(
      "llm.generate(options) was given a provider; pass it in LLMConfig.provider instead.",
    );
  }
}

function checkPolicy(policy: Policy | undefined, field: string, example: string): void {
  if (policy === undefined) return;
  if (
    typeof policy !== "object" ||
    policy === null ||
    (typeof policy.generate !== "function" && typeof policy.stream !== "function")
  ) {
    throw new ConfigError(
      `"${field}" must be a policy such as ${example}; got ${policy === null ? "null" : typeof policy}.`,
    );
  }
}

function checkPositive(value: number | undefined, field: string): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`"${field}" must be a positive number; got ${String(value)}.`);
  }
}
