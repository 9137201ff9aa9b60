import type { Context } from "./context";
import type { Message } from "./message";
import type { Policy } from "./policy";
import type { PromptTemplate } from "./prompt-template";
import type { JsonSchema, RequestMetadata, ToolChoice, ToolDefinition } from "./request";
import type { StandardSchemaV1 } from "./standard-schema";
import type { TemplateValues } from "./template-syntax";

/** Structured output: JSON, optionally matching a schema (JSON Schema or zod and friends). */
export type ResponseFormatOption =
  | { type: "text" }
  | { type: "json"; schema?: JsonSchema | StandardSchemaV1; name?: string };

/** Options of `LLMManager.generate` and `LLMManager.stream`. */
export interface GenerateOptions<Content extends string = string> {
  /** The prompt template; its variables come from `variables` and the context. */
  template?: PromptTemplate<Content>;
  /** Named values: system prompt, template variables, extra context, history. */
  context?: Context;
  /** Template values given directly; they win over context entries of the same name. */
  variables?: Partial<TemplateValues<Content>>;
  /** Messages to send after the context's history (or instead of a template). */
  messages?: Message[];
  /** A plain prompt, for calls without a template. */
  prompt?: string;
  /** Retry policy for this call (the guide's name; to core a policy like any other), e.g. `new RetryConfig({...})`. */
  retryConfig?: Policy;
  /** Fallback policy for this call (the guide's name; to core a policy like any other), e.g. `new FallbackConfig({...})`. */
  fallbackConfig?: Policy;
  /** More policies for this call; ordered by their stage with the manager's plugins. */
  policies?: Policy[];
  /** Aborts the call; an aborted call is never retried. */
  signal?: AbortSignal;
  /** Time limit of one attempt in ms (streams: of the wait between parts); overrides the config. */
  timeoutMs?: number;
  /** Time limit of the whole call in ms, across retries and fallbacks. */
  deadlineMs?: number;
  /** Model for this call; overrides the config. */
  model?: string;
  /** Output token limit for this call; overrides the config. */
  maxTokens?: number;
  /** Sampling temperature for this call. */
  temperature?: number;
  /** Nucleus sampling for this call. */
  topP?: number;
  /** Stop sequences for this call. */
  stop?: string[];
  /** Tools the model may call. */
  tools?: ToolDefinition[];
  /** How the model may use the tools. */
  toolChoice?: ToolChoice;
  /** Ask for JSON (optionally matching a schema). */
  responseFormat?: ResponseFormatOption;
  /** Who and what the call is for; tracking and budgets group by these. */
  metadata?: RequestMetadata;
  /** Vendor prompt-cache key (OpenAI `prompt_cache_key`). */
  promptCacheKey?: string;
  /** Vendor-specific request fields, keyed by provider id. */
  providerOptions?: Record<string, Record<string, unknown>>;
  /** Shrink the context to fit the model's window when the provider knows it (default true). */
  fitContext?: boolean;
}
