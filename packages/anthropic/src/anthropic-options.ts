import type Anthropic from "@anthropic-ai/sdk";
import type { ModelInfo } from "@ffc/core";
import { checkOptions, modelInfoOption, option } from "@ffc/core/provider";

/** Options of `createAnthropic`. */
export interface AnthropicProviderOptions {
  /** API key; default the ANTHROPIC_API_KEY environment variable. Kept private, never logged. */
  apiKey?: string;
  /** Origin of the API or a compatible gateway, without `/v1` (default https://api.anthropic.com). */
  baseURL?: string;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
  /** Time limit of one HTTP request in milliseconds (the SDK's `timeout`). */
  timeoutMs?: number;
  /** An existing SDK client to use instead of building one; its own retries are overridden to 0. */
  client?: Anthropic;
  /** `max_tokens` sent when a request sets no `maxTokens` (Anthropic requires one); default 4096. */
  defaultMaxTokens?: number;
  /**
   * Context window and output limits of models FFC's catalog does not know, or to correct it;
   * the same option on every provider.
   * @example { "claude-sonnet-4-6": { contextWindow: 1000000, maxOutputTokens: 64000 } }
   */
  models?: Record<string, ModelInfo>;
}

/** The environment variable the default key comes from. */
export const apiKeyVariable = "ANTHROPIC_API_KEY";

const anthropicRules = {
  apiKey: option.string({ example: `an API key; leave it out to use ${apiKeyVariable}` }),
  baseURL: option.url({ example: '"https://api.anthropic.com"' }),
  headers: option.record(option.string({ required: true, allowBlank: true })),
  timeoutMs: option.integer({ min: 1 }),
  client: option.custom<Anthropic>((value) =>
    looksLikeClient(value)
      ? { value: value as Anthropic }
      : "must be an Anthropic SDK client (new Anthropic({...}))",
  ),
  defaultMaxTokens: option.integer({ min: 1 }),
  models: modelInfoOption(),
};

/**
 * Checks every option once, at construction; throws one ConfigError naming every bad field.
 * Vendor request fields are not options of the provider: they go in a call's `providerOptions.anthropic`.
 */
export function validateAnthropicOptions(options: unknown): AnthropicProviderOptions {
  return checkOptions("createAnthropic", options, anthropicRules, "{ apiKey }") as AnthropicProviderOptions;
}

function looksLikeClient(value: unknown): boolean {
  const messages = (value as { messages?: { create?: unknown } } | null)?.messages;
  return typeof messages?.create === "function";
}
