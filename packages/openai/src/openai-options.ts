import type { ModelInfo } from "@ffc/core";
import { checkOptions, modelInfoOption, option } from "@ffc/core/provider";
import type OpenAI from "openai";

/** Which OpenAI API a request goes to. */
export type OpenAIApi = "chat" | "responses";

/** Options of `createOpenAI`. Validated once, when the provider is created. */
export interface OpenAIProviderOptions {
  /** API key; defaults to the OPENAI_API_KEY environment variable. Never logged. */
  apiKey?: string;
  /**
   * Base URL including the version path, e.g. "https://api.openai.com/v1" (the default) or an
   * OpenAI-compatible server such as "http://localhost:11434/v1" (Ollama).
   */
  baseURL?: string;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
  /** Time limit of one HTTP request in milliseconds (the SDK's `timeout`). */
  timeoutMs?: number;
  /** An existing SDK client (`new OpenAI(...)` or `new AzureOpenAI(...)`); its key and URL are used as they are. */
  client?: OpenAI;
  /** "chat" (Chat Completions, the default) or "responses" (the Responses API). */
  api?: OpenAIApi;
  /** OpenAI organization id (`OpenAI-Organization` header). */
  organization?: string;
  /** OpenAI project id (`OpenAI-Project` header). */
  project?: string;
  /**
   * Which field carries `maxTokens` on Chat Completions. Default: `max_completion_tokens` on
   * api.openai.com and Azure (reasoning models reject `max_tokens`), `max_tokens` elsewhere
   * (OpenAI-compatible servers such as Ollama, vLLM, Groq and OpenRouter all accept it).
   */
  maxTokensField?: "max_completion_tokens" | "max_tokens";
  /**
   * Send JSON schemas with `strict: true` (structured outputs): `true` for the response format and
   * tools, `false` for neither.
   * @default the response format strict when its schema allows it (every object closed, all properties required, supported keywords only), tools non-strict
   */
  strictJsonSchema?: boolean;
  /**
   * Context window and output limits of models FFC's catalog does not know (local or fine-tuned
   * models), or to correct it; the same option on every provider.
   * @example { "llama3.3": { contextWindow: 131072, maxOutputTokens: 8192 } }
   */
  models?: Record<string, ModelInfo>;
}

const openaiRules = {
  apiKey: option.string({ example: "an API key; leave it out to read OPENAI_API_KEY" }),
  baseURL: option.url({ example: '"https://api.openai.com/v1" or "http://localhost:11434/v1"' }),
  headers: option.record(option.string({ required: true, allowBlank: true })),
  timeoutMs: option.integer({ min: 1 }),
  client: option.custom<OpenAI>((value) =>
    isOpenAIClient(value)
      ? { value }
      : "must be an OpenAI SDK client (new OpenAI({ ... }) from the openai package)",
  ),
  api: option.oneOf(["chat", "responses"] as const),
  organization: option.string({ example: '"org-…"' }),
  project: option.string({ example: '"proj_…"' }),
  maxTokensField: option.oneOf(["max_completion_tokens", "max_tokens"] as const),
  strictJsonSchema: option.boolean(),
  models: modelInfoOption(),
};

/**
 * Checks `createOpenAI` options; throws one ConfigError naming every bad field. Vendor request
 * fields are not options of the provider: they go in a call's `providerOptions.openai`.
 */
export function validateOpenAIOptions(options: unknown): OpenAIProviderOptions {
  return checkOptions("createOpenAI", options, openaiRules, "{ apiKey }") as OpenAIProviderOptions;
}

function isOpenAIClient(value: unknown): value is OpenAI {
  const client = value as OpenAI;
  return (
    typeof client === "object" &&
    client !== null &&
    typeof client.chat?.completions?.create === "function" &&
    typeof client.responses?.create === "function"
  );
}

/**
 * True when the base URL is OpenAI's own API or Azure OpenAI, which want
 * `max_completion_tokens`; other hosts are OpenAI-compatible servers.
 */
export function isOpenAIHost(baseURL: string | undefined): boolean {
  if (baseURL === undefined) return true;
  const host = new URL(baseURL).hostname;
  return host === "api.openai.com" || host.endsWith(".openai.azure.com");
}
