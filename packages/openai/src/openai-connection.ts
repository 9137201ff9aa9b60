import { ConfigError } from "@ffc/core";
import { type HeaderValues, secretList } from "@ffc/core/provider";
import OpenAI from "openai";
import type { RequestSettings } from "./chat-request";
import { isOpenAIHost, type OpenAIProviderOptions } from "./openai-options";

/** A ready SDK client and everything derived from the options once. */
export interface OpenAIConnection {
  client: OpenAI;
  /** Values to redact from every error: the API key and the configured headers' values. */
  secrets: string[];
  settings: RequestSettings;
}

/** The message of the missing-key error, shared by createOpenAI and the default instance. */
export const missingKeyMessage =
  'OpenAI needs an API key: pass createOpenAI({ apiKey: "sk-..." }) (or "apiKey" in LLMConfig), pass an existing SDK client as "client", or set the OPENAI_API_KEY environment variable.';

/**
 * Builds the SDK client with its own retries off (FFC's retry policy owns retries) and
 * resolves the key, base URL and request settings. Throws ConfigError when no key is found,
 * before any request is sent.
 */
export function connect(options: OpenAIProviderOptions): OpenAIConnection {
  const apiKey = options.apiKey ?? readEnvironment("OPENAI_API_KEY");
  if (options.client) {
    const client = options.client;
    return {
      client,
      secrets: secretList({
        keys: [client.apiKey, apiKey],
        headers: options.headers,
        otherHeaders: (client as unknown as { _options?: { defaultHeaders?: HeaderValues } })._options
          ?.defaultHeaders,
      }),
      settings: settingsFor(options, client.baseURL),
    };
  }
  if (!apiKey) throw new ConfigError(missingKeyMessage, { provider: "openai" });
  const baseURL = options.baseURL ?? readEnvironment("OPENAI_BASE_URL");
  const client = new OpenAI({
    apiKey,
    maxRetries: 0,
    ...(baseURL ? { baseURL } : {}),
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    ...(options.headers ? { defaultHeaders: options.headers } : {}),
    ...(options.organization ? { organization: options.organization } : {}),
    ...(options.project ? { project: options.project } : {}),
    // FFC reports failures as typed errors and events; the SDK's console output would only
    // duplicate them. OPENAI_LOG still turns SDK logging on for debugging.
    ...(readEnvironment("OPENAI_LOG") ? {} : { logLevel: "off" as const }),
  });
  return {
    client,
    secrets: secretList({ keys: [apiKey], headers: options.headers }),
    settings: settingsFor(options, baseURL),
  };
}

function settingsFor(options: OpenAIProviderOptions, baseURL: string | undefined): RequestSettings {
  const openaiHost = isOpenAIHost(baseURL);
  return {
    openaiHost,
    maxTokensField: options.maxTokensField ?? (openaiHost ? "max_completion_tokens" : "max_tokens"),
    strictJsonSchema: options.strictJsonSchema,
  };
}

function readEnvironment(name: string): string | undefined {
  const value = typeof process === "undefined" ? undefined : process.env[name];
  return value && value.trim().length > 0 ? value.trim() : undefined;
}
