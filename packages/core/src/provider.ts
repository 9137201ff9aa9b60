import type { LanguageRequest } from "./request";
import type { ProviderResult } from "./result";
import type { StreamPart } from "./stream-part";

/** The provider contract version this build of core speaks. */
export const SPECIFICATION_VERSION = "ffc-provider-v1" as const;

/** What a provider knows about a model. */
export interface ModelInfo {
  /** Maximum input plus output tokens. */
  contextWindow?: number;
  /** Maximum output tokens. */
  maxOutputTokens?: number;
}

/**
 * A language-model provider: a plain object, so that anyone can write one.
 * Errors must be FFC error classes (`RateLimitError`, `TemporaryError`, ...) so that
 * policies can decide what to do with them.
 */
export interface LanguageProvider {
  /** Literal version tag; core refuses providers written for another contract. */
  readonly specificationVersion: typeof SPECIFICATION_VERSION;
  /** Stable id, e.g. "openai"; used in events, usage and prices. */
  readonly id: string;
  /** Sends one request and returns the whole response. */
  generate(request: LanguageRequest): Promise<ProviderResult>;
  /** Sends one request and yields its parts; the last part is `finish`. */
  stream(request: LanguageRequest): AsyncIterable<StreamPart>;
  /** Counts the input tokens of a request exactly, where the vendor or a tokenizer allows. */
  countTokens?(request: LanguageRequest): Promise<number>;
  /** Context window and output limits of a model, where known. */
  modelInfo?(model: string): ModelInfo | undefined;
}

/** True when `value` looks like a provider object of this contract. */
export function isLanguageProvider(value: unknown): value is LanguageProvider {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as LanguageProvider).specificationVersion === SPECIFICATION_VERSION &&
    typeof (value as LanguageProvider).generate === "function"
  );
}
