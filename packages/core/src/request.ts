import type { Message } from "./message";

/** A JSON Schema document, as plain data. */
export type JsonSchema = Record<string, unknown>;

/** A tool the model may call. */
export interface ToolDefinition {
  name: string;
  /** What the tool does; models choose tools by this text. */
  description?: string;
  /** JSON Schema of the arguments (use `toJsonSchema(zodSchema)` for a zod schema). */
  inputSchema: JsonSchema;
}

/** How the model may use tools. */
export type ToolChoice = "auto" | "none" | "required" | { toolName: string };

/** Ask for plain text, or JSON that matches a schema. */
export type ResponseFormat = { type: "text" } | { type: "json"; schema?: JsonSchema; name?: string };

/** Who and what a call is for; tracking and budgets group by these. */
export interface RequestMetadata {
  sessionId?: string;
  userId?: string;
  tenantId?: string;
  tags?: readonly string[];
}

/** The normalized request every provider receives. */
export interface LanguageRequest {
  model: string;
  messages: Message[];
  /** Upper bound on output tokens. */
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  responseFormat?: ResponseFormat;
  /** Aborts the request; providers pass it to the SDK. */
  signal?: AbortSignal;
  metadata?: RequestMetadata;
  /** Vendor prompt-cache key (OpenAI `prompt_cache_key`). */
  promptCacheKey?: string;
  /** Vendor-specific extras, keyed by provider id; providers ignore keys that are not theirs. */
  providerOptions?: Record<string, Record<string, unknown>>;
}
