import * as z from "zod/mini";
import { isLanguageProvider, type LanguageProvider } from "./provider";
import { assertProviderReference, type ProviderReference } from "./provider-registry";
import { validateOptions } from "./validate-options";

/** How an LLMManager reaches its model. The guide's `LLMConfig`, in camelCase. */
export interface LLMConfig {
  /** Provider id (`Provider.OPENAI`, a registered id) or a provider object. */
  provider: ProviderReference;
  /** Model id, e.g. "gpt-4o". */
  model: string;
  /** API key; when absent the provider reads its usual environment variable. Never logged. */
  apiKey?: string;
  /** Base URL of the vendor API or a compatible server. */
  baseURL?: string;
  /** Extra HTTP headers for every request. */
  headers?: Record<string, string>;
  /** Upper bound on output tokens per call. */
  maxTokens?: number;
  /** Sampling temperature, 0 to 2. */
  temperature?: number;
  /** Nucleus sampling, 0 to 1. */
  topP?: number;
  /** Stop sequences. */
  stop?: string[];
  /** Time limit of one attempt in milliseconds (for streams, of the wait between parts). */
  timeoutMs?: number;
}

const positiveInteger = (what: string) =>
  z.int(`must be a whole number (${what})`).check(z.positive(`must be greater than 0 (${what})`));

const providerSchema = z.custom<ProviderReference>((value) => {
  try {
    assertProviderReference(value, "provider");
    return true;
  } catch {
    return false;
  }
}, "must be a provider id such as Provider.OPENAI, a registered id, or a provider object");

const configSchema = z.object({
  provider: providerSchema,
  model: z.string('must be a string such as "gpt-4o"').check(z.minLength(1, "must not be empty")),
  apiKey: z.optional(
    z
      .string("must be a string")
      .check(z.minLength(1, "must not be empty; leave it out to use the environment variable")),
  ),
  baseURL: z.optional(z.url('must be a URL such as "http://localhost:11434/v1"')),
  headers: z.optional(z.record(z.string(), z.string("header values must be strings"))),
  maxTokens: z.optional(positiveInteger("output tokens")),
  temperature: z.optional(
    z.number("must be a number").check(z.minimum(0, "must be at least 0"), z.maximum(2, "must be at most 2")),
  ),
  topP: z.optional(
    z.number("must be a number").check(z.minimum(0, "must be at least 0"), z.maximum(1, "must be at most 1")),
  ),
  stop: z.optional(z.array(z.string("stop sequences must be strings"))),
  timeoutMs: z.optional(positiveInteger("milliseconds")),
});

/** Validates a config once; throws a ConfigError naming each bad field. */
export function validateConfig(config: unknown): LLMConfig {
  if (typeof config === "object" && config !== null && typeof (config as LLMConfig).provider === "string") {
    // Give the precise reason (unknown id, which package) rather than the schema's summary.
    assertProviderReference((config as LLMConfig).provider, "provider");
  }
  const parsed = validateOptions(configSchema, config, "LLMConfig");
  const provider = (config as LLMConfig).provider;
  return {
    ...parsed,
    provider: isLanguageProvider(provider) ? (provider as LanguageProvider) : parsed.provider,
  } as LLMConfig;
}
