/**
 * Attribute and metric names. The `gen_ai.*` names follow the OpenTelemetry GenAI semantic
 * conventions v1.37 to v1.41 (where `gen_ai.provider.name` replaced `gen_ai.system`); the
 * `ffc.*` names are FFC's own, for what the conventions do not cover (retries, fallbacks,
 * budgets, caches, cost).
 */
export const GenAIAttributes = {
  /** The operation, always "chat" for FFC calls. */
  OPERATION_NAME: "gen_ai.operation.name",
  /** The provider, e.g. "openai", "anthropic", "gcp.gemini" (conventions v1.37+). */
  PROVIDER_NAME: "gen_ai.provider.name",
  /** The same value under the name used up to conventions v1.36, for older backends. */
  SYSTEM: "gen_ai.system",
  /** The model the request asked for. */
  REQUEST_MODEL: "gen_ai.request.model",
  /** The request's output token limit. */
  REQUEST_MAX_TOKENS: "gen_ai.request.max_tokens",
  /** The request's sampling temperature. */
  REQUEST_TEMPERATURE: "gen_ai.request.temperature",
  /** The request's nucleus sampling setting. */
  REQUEST_TOP_P: "gen_ai.request.top_p",
  /** The request's stop sequences. */
  REQUEST_STOP_SEQUENCES: "gen_ai.request.stop_sequences",
  /** "json" when the request asked for JSON output, else "text". */
  OUTPUT_TYPE: "gen_ai.output.type",
  /** The session id from the call's metadata. */
  CONVERSATION_ID: "gen_ai.conversation.id",
  /** The vendor's id of the response. */
  RESPONSE_ID: "gen_ai.response.id",
  /** The model that answered, as the vendor reports it. */
  RESPONSE_MODEL: "gen_ai.response.model",
  /** Why the model stopped, one entry per choice. */
  RESPONSE_FINISH_REASONS: "gen_ai.response.finish_reasons",
  /** Input tokens, cache reads and writes included. */
  USAGE_INPUT_TOKENS: "gen_ai.usage.input_tokens",
  /** Output tokens, reasoning included. */
  USAGE_OUTPUT_TOKENS: "gen_ai.usage.output_tokens",
  /** Input tokens read from the vendor's prompt cache. */
  USAGE_CACHE_READ_INPUT_TOKENS: "gen_ai.usage.cache_read.input_tokens",
  /** Input tokens written to the vendor's prompt cache. */
  USAGE_CACHE_CREATION_INPUT_TOKENS: "gen_ai.usage.cache_creation.input_tokens",
  /** "input" or "output", on the token usage metric. */
  TOKEN_TYPE: "gen_ai.token.type",
  /** The messages sent (only with `captureContent`). */
  INPUT_MESSAGES: "gen_ai.input.messages",
  /** The messages received (only with `captureContent`). */
  OUTPUT_MESSAGES: "gen_ai.output.messages",
  /** The system prompt (only with `captureContent`). */
  SYSTEM_INSTRUCTIONS: "gen_ai.system_instructions",
  /** The class name of the error a call or attempt ended with. */
  ERROR_TYPE: "error.type",
} as const;

/** FFC's own attribute names. */
export const FFCAttributes = {
  /** "generate" or "stream". */
  OPERATION: "ffc.operation",
  /** FFC's provider id, e.g. "openai" or "google" (before mapping to the conventions' names). */
  PROVIDER_ID: "ffc.provider.id",
  /** 1-based number of an attempt within its call. */
  ATTEMPT: "ffc.attempt",
  /** Tokens an attempt consumed, per attempt (the call span holds the sum). */
  ATTEMPT_INPUT_TOKENS: "ffc.attempt.input_tokens",
  /** Output tokens an attempt consumed. */
  ATTEMPT_OUTPUT_TOKENS: "ffc.attempt.output_tokens",
  /** True when the usage was estimated because the vendor never reported it. */
  USAGE_ESTIMATED: "ffc.usage.estimated",
  /** Number of attempts the call made. */
  ATTEMPTS: "ffc.attempts",
  /** Cost of every attempt of the call, in USD, when a cost-aware plugin set it. */
  COST_USD: "ffc.cost.usd",
  /** True when the answer came from a response cache. */
  CACHE_HIT: "ffc.cache.hit",
  /** The call's tags from its metadata. */
  TAGS: "ffc.tags",
  /** Delay before the next attempt, in milliseconds. */
  RETRY_DELAY_MS: "ffc.retry.delay_ms",
  /** Why a retry policy stopped retrying. */
  RETRY_REASON: "ffc.retry.reason",
  /** Target a fallback left. */
  FALLBACK_FROM_PROVIDER: "ffc.fallback.from.provider",
  /** Model a fallback left. */
  FALLBACK_FROM_MODEL: "ffc.fallback.from.model",
  /** Target a fallback moved to. */
  FALLBACK_TO_PROVIDER: "ffc.fallback.to.provider",
  /** Model a fallback moved to. */
  FALLBACK_TO_MODEL: "ffc.fallback.to.model",
  /** Budget scope, e.g. "global" or "user:42". */
  BUDGET_SCOPE: "ffc.budget.scope",
  /** Tokens reserved, committed or released. */
  BUDGET_TOKENS: "ffc.budget.tokens",
  /** USD reserved, committed or released (absent when the price is unknown). */
  BUDGET_USD: "ffc.budget.usd",
  /** Rate-limit scope. */
  RATE_LIMIT_SCOPE: "ffc.rate_limit.scope",
  /** How long a rate limit made the call wait, in milliseconds. */
  RATE_LIMIT_WAITED_MS: "ffc.rate_limit.waited_ms",
  /** True on a call span that FFC never reported the end of (see `maxOpenCalls`). */
  UNFINISHED: "ffc.call.unfinished",
} as const;

/** Names of the metrics the plugin records. */
export const MetricNames = {
  /** Histogram of tokens per attempt, split by `gen_ai.token.type` (conventions). */
  TOKEN_USAGE: "gen_ai.client.token.usage",
  /** Histogram of call durations in seconds, retries included (conventions). */
  OPERATION_DURATION: "gen_ai.client.operation.duration",
  /** Counter of USD spent, from `result.costUsd`. */
  COST: "ffc.cost.usd",
  /** Counter of retries scheduled. */
  RETRIES: "ffc.retries",
  /** Counter of fallbacks taken. */
  FALLBACKS: "ffc.fallbacks",
  /** Counter of calls a budget refused. */
  BUDGET_REFUSALS: "ffc.budget.refusals",
} as const;
