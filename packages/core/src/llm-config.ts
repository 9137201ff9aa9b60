import { checkOptions } from "./options/check-options";
import { option } from "./options/option-rule";
import { type ProviderReference, providerReferenceOption } from "./provider-registry";

/** How an LLMManager reaches its model. The guide's `LLMConfig`, in camelCase. */
export interface LLMConfig {
  /**
   * Provider id (`Provider.OPENAI`, a registered id) or a provider object.
   * @example Provider.OPENAI
   */
  provider: ProviderReference;
  /**
   * Model id.
   * @example "gpt-5.4"
   */
  model: string;
  /** API key; when absent the provider reads its usual environment variable. Never logged. */
  apiKey?: string | undefined;
  /**
   * Base URL of the vendor API or a compatible server.
   * @example "http://localhost:11434/v1"
   */
  baseURL?: string | undefined;
  /** Extra HTTP headers for every request; their values are treated as secrets and redacted. */
  headers?: Record<string, string> | undefined;
  /** Upper bound on output tokens per call. */
  maxTokens?: number | undefined;
  /** Sampling temperature, 0 to 2. */
  temperature?: number | undefined;
  /** Nucleus sampling, 0 to 1. */
  topP?: number | undefined;
  /** Stop sequences. */
  stop?: string[] | undefined;
  /** Time limit of one attempt in milliseconds (for streams, of the wait between parts). */
  timeoutMs?: number | undefined;
}

/** Longest timer Node accepts (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
export const maxTimerMs = 2_147_483_647;

/**
 * The rules of the request settings that both LLMConfig and each call's options carry, so a
 * value refused in one is refused in the other.
 */
export const requestSettingRules = {
  maxTokens: option.integer({ min: 1, max: maxTimerMs }),
  temperature: option.number({ min: 0, max: 2 }),
  topP: option.number({ min: 0, max: 1 }),
  stop: option.array(option.string({ allowBlank: true, required: true })),
  timeoutMs: option.integer({ min: 1, max: maxTimerMs }),
};

const configRules = {
  provider: providerReferenceOption(),
  model: option.string({ required: true, example: '"gpt-5.4"' }),
  apiKey: option.string({ example: "an API key; leave it out to use the environment variable" }),
  baseURL: option.url({ example: '"http://localhost:11434/v1"' }),
  headers: option.record(option.string({ allowBlank: true, required: true })),
  ...requestSettingRules,
};

/** Validates a config once; throws one ConfigError naming each bad field (`error.field` is the first). */
export function validateConfig(config: unknown): LLMConfig {
  // Keys whose value is undefined are left out, as if they were not given (`apiKey: process.env.X`).
  const checked = checkOptions(
    "LLMConfig",
    config,
    configRules,
    '{ provider: Provider.OPENAI, model: "gpt-5.4" }',
  );
  return checked as LLMConfig;
}
