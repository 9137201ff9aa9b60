import type { Context } from "./context";
import type { Message } from "./message";
import type { Policy } from "./policy";
import type { PromptTemplate } from "./prompt-template";
import type { RequestMetadata, ToolChoice } from "./request";
import type { OutputSchema } from "./standard-schema";
import type { TemplateValues } from "./template-syntax";

import type { AnyTool } from "./tool";

/** What FFC does when an answer fails its schema. */
export interface RepairOptions {
  /**
   * Follow-up calls that send the schema's issues back and ask again; each goes through the
   * policy chain (budgets, tracking) and shows in `result.attempts` and `result.steps`.
   * @default 0 (an invalid answer throws OutputValidationError at once)
   */
  maxAttempts: number;
}

/**
 * Structured output: JSON, optionally matching a schema (zod or any Standard Schema,
 * `jsonSchema<T>()`, or a plain JSON Schema). With a schema the answer is validated and
 * `result.object` is typed by it.
 */
export type ResponseFormatOption<Schema extends OutputSchema = OutputSchema> =
  | { type: "text" }
  | {
      type: "json";
      /** The schema the answer must match; sent to the vendor's native structured output. */
      schema?: Schema;
      /** A name for the schema, where the vendor wants one (OpenAI). @default "response" */
      name?: string;
      /** Ask the model again when the answer fails the schema. @default none */
      repair?: RepairOptions;
    };

/** Options of `LLMManager.generate` and `LLMManager.stream`. */
export interface GenerateOptions<
  Content extends string = string,
  Schema extends OutputSchema = OutputSchema,
> {
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
  /** Tools the model may call: `tool()`s (with `execute`, FFC runs them in a loop) or plain definitions. */
  tools?: readonly AnyTool[];
  /**
   * Most model calls of the tool loop (when a tool has `execute`); the loop ends there even if
   * the model still calls tools (those last calls are run and returned in `result.steps`).
   * @default 5
   */
  maxSteps?: number;
  /** Most tool calls of one step running at once. @default 4 */
  toolConcurrency?: number;
  /** How the model may use the tools. */
  toolChoice?: ToolChoice;
  /** Ask for JSON (optionally matching a schema, which types `result.object`). */
  responseFormat?: ResponseFormatOption<Schema>;
  /** Who and what the call is for; tracking and budgets group by these. */
  metadata?: RequestMetadata;
  /** Vendor prompt-cache key (OpenAI `prompt_cache_key`). */
  promptCacheKey?: string;
  /** Vendor-specific request fields, keyed by provider id. */
  providerOptions?: Record<string, Record<string, unknown>>;
  /** Shrink the context to fit the model's window when the provider knows it (default true). */
  fitContext?: boolean;
}
