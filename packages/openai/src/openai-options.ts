import { ConfigError, checkModelsOption, describeValue, type ModelInfo } from "@ffc/core";
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
  /** Send JSON schemas (response format and tools) with `strict: true` (structured outputs). Default false. */
  strictJsonSchema?: boolean;
  /**
   * Context window and output limits of models FFC's catalog does not know (local or fine-tuned
   * models), or to correct it; the same option on every provider.
   * @example { "llama3.3": { contextWindow: 131072, maxOutputTokens: 8192 } }
   */
  models?: Record<string, ModelInfo>;
}

const knownOptions = new Set<string>([
  "apiKey",
  "baseURL",
  "headers",
  "timeoutMs",
  "client",
  "api",
  "organization",
  "project",
  "maxTokensField",
  "strictJsonSchema",
  "models",
]);

/** Checks `createOpenAI` options; throws one ConfigError naming the field and what to pass. */
export function validateOpenAIOptions(options: unknown): OpenAIProviderOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ConfigError(
      `createOpenAI(options): pass an options object such as { apiKey }; got ${describeValue(options)}.`,
    );
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!knownOptions.has(key)) {
      throw new ConfigError(
        `createOpenAI: unknown option "${key}". Known options: ${[...knownOptions].join(", ")}. Vendor request fields go in providerOptions.openai of a call.`,
      );
    }
  }
  const fail = (field: string, expected: string) => {
    throw new ConfigError(
      `createOpenAI: "${field}" must be ${expected}; got ${describeValue(given[field])}.`,
    );
  };
  const optionalString = (field: string, expected: string) => {
    const value = given[field];
    if (value !== undefined && (typeof value !== "string" || value.length === 0)) fail(field, expected);
  };
  optionalString("apiKey", "a non-empty string (or leave it out to read OPENAI_API_KEY)");
  optionalString("organization", 'a non-empty string such as "org-…"');
  optionalString("project", 'a non-empty string such as "proj_…"');
  if (given.baseURL !== undefined && !isHttpUrl(given.baseURL)) {
    fail("baseURL", 'an http(s) URL such as "https://api.openai.com/v1" or "http://localhost:11434/v1"');
  }
  if (given.headers !== undefined) {
    const headers = given.headers;
    if (typeof headers !== "object" || headers === null || Array.isArray(headers))
      fail("headers", "an object of header names to strings");
    for (const [name, value] of Object.entries(headers as object)) {
      if (typeof value !== "string") fail(`headers.${name}`, "a string");
    }
  }
  const timeoutMs = given.timeoutMs;
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === "number" && Number.isInteger(timeoutMs) && timeoutMs > 0)
  ) {
    fail("timeoutMs", "a whole number of milliseconds greater than 0");
  }
  if (given.client !== undefined && !isOpenAIClient(given.client)) {
    fail("client", "an OpenAI SDK client (new OpenAI({ ... }) from the openai package)");
  }
  if (given.api !== undefined && given.api !== "chat" && given.api !== "responses")
    fail("api", '"chat" or "responses"');
  if (
    given.maxTokensField !== undefined &&
    given.maxTokensField !== "max_completion_tokens" &&
    given.maxTokensField !== "max_tokens"
  ) {
    fail("maxTokensField", '"max_completion_tokens" or "max_tokens"');
  }
  if (given.strictJsonSchema !== undefined && typeof given.strictJsonSchema !== "boolean")
    fail("strictJsonSchema", "true or false");
  if (given.models !== undefined) {
    return { ...given, models: checkModelsOption("createOpenAI", given.models) } as OpenAIProviderOptions;
  }
  return given as OpenAIProviderOptions;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
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
