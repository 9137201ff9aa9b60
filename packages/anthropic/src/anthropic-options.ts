import type Anthropic from "@anthropic-ai/sdk";
import { ConfigError, checkModelsOption, describeValue, type ModelInfo } from "@ffc/core";

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

const knownOptions = new Set([
  "apiKey",
  "baseURL",
  "headers",
  "timeoutMs",
  "client",
  "defaultMaxTokens",
  "models",
]);

/** Checks every option once, at construction; throws a ConfigError naming the field. */
export function validateAnthropicOptions(options: unknown): AnthropicProviderOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ConfigError(`createAnthropic: options must be an object; got ${describeValue(options)}.`);
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!knownOptions.has(key) && given[key] !== undefined) {
      throw new ConfigError(
        `createAnthropic: unknown option "${key}". Known options: ${[...knownOptions].join(", ")}. Vendor request fields go in providerOptions.anthropic of a call.`,
      );
    }
  }
  const fail = (field: string, expected: string) => {
    throw new ConfigError(
      `createAnthropic: "${field}" must be ${expected}; got ${describeValue(given[field])}.`,
    );
  };
  if (given.apiKey !== undefined && (typeof given.apiKey !== "string" || given.apiKey.length === 0)) {
    fail("apiKey", `a non-empty string (or leave it out to use ${apiKeyVariable})`);
  }
  if (given.baseURL !== undefined && (typeof given.baseURL !== "string" || !URL.canParse(given.baseURL))) {
    fail("baseURL", 'a URL such as "https://api.anthropic.com"');
  }
  if (given.headers !== undefined) {
    const headers = given.headers;
    const valid =
      typeof headers === "object" &&
      headers !== null &&
      Object.values(headers).every((value) => typeof value === "string");
    if (!valid) fail("headers", "an object of string header values");
  }
  for (const field of ["timeoutMs", "defaultMaxTokens"] as const) {
    const value = given[field];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) <= 0)) {
      fail(field, "a whole number greater than 0");
    }
  }
  if (given.client !== undefined && !looksLikeClient(given.client)) {
    fail("client", "an Anthropic SDK client (new Anthropic({...}))");
  }
  if (given.models !== undefined) {
    return {
      ...given,
      models: checkModelsOption("createAnthropic", given.models),
    } as AnthropicProviderOptions;
  }
  return given as AnthropicProviderOptions;
}

function looksLikeClient(value: unknown): boolean {
  const messages = (value as { messages?: { create?: unknown } } | null)?.messages;
  return typeof messages?.create === "function";
}
