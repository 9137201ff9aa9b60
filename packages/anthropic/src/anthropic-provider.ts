import Anthropic from "@anthropic-ai/sdk";
import {
  ConfigError,
  type LanguageProvider,
  type LanguageRequest,
  type ModelInfo,
  type ProviderResult,
  type ProviderWarning,
  type StreamPart,
} from "@ffc/core";
import {
  finishPartWith,
  type HeaderValues,
  maxTimerMs,
  providerFactory,
  SPECIFICATION_VERSION,
  secretList,
  withRateLimitHeaders,
  withWarnings,
} from "@ffc/core/provider";
import { anthropicEvents } from "./anthropic-events";
import { type AnthropicProviderOptions, apiKeyVariable, validateAnthropicOptions } from "./anthropic-options";
import { countTokens } from "./count-tokens";
import { toFFCError } from "./error-mapping";
import { anthropicModelCatalogLookup } from "./model-info";
import { toMessageBody } from "./request-mapping";
import { fromMessage } from "./response-mapping";
import { captureSdkWarnings } from "./sdk-warnings";
import { mapStreamEvents, type OpenedEvents } from "./stream-mapping";

/** The Anthropic provider: every optional capability of the contract is present. */
export interface AnthropicProvider extends LanguageProvider {
  readonly id: "anthropic";
  countTokens(request: LanguageRequest): Promise<number>;
  modelInfo(model: string): ModelInfo | undefined;
}

/** `max_tokens` when a request sets none, unless the model's own limit is lower. */
export const defaultMaxTokens = 4096;

/**
 * Creates an Anthropic Messages provider on the official SDK, with the SDK's retries off
 * (FFC's retry policy owns retries). Throws a ConfigError at once when no API key is given
 * and ANTHROPIC_API_KEY is not set.
 */
export function createAnthropic(options: AnthropicProviderOptions = {}): AnthropicProvider {
  const settings = validateAnthropicOptions(options);
  const apiKey = settings.client ? undefined : (settings.apiKey ?? readEnvironmentKey());
  if (!settings.client && !apiKey) {
    throw new ConfigError(
      `createAnthropic: no API key. Pass the "apiKey" option or set the ${apiKeyVariable} environment variable.`,
      { provider: "anthropic" },
    );
  }
  // The client (which holds the key in a public field) lives only in this closure.
  const client =
    settings.client ??
    new Anthropic({
      apiKey: apiKey!,
      maxRetries: 0,
      ...(settings.baseURL ? { baseURL: originOf(settings.baseURL) } : {}),
      ...(settings.headers ? { defaultHeaders: settings.headers } : {}),
      ...(settings.timeoutMs ? { timeout: settings.timeoutMs } : {}),
      // FFC reports failures as typed errors; the SDK would also print raw malformed stream
      // chunks to the console. ANTHROPIC_LOG still turns SDK logging on for debugging.
      ...(readEnvironment("ANTHROPIC_LOG") ? {} : { logLevel: "off" as const }),
    });
  const secrets = secretList({
    keys: [apiKey, client.apiKey, client.authToken],
    headers: settings.headers,
    otherHeaders: (client as unknown as { _options?: { defaultHeaders?: HeaderValues } })._options
      ?.defaultHeaders,
  });
  const models = anthropicModelCatalogLookup(settings.models);
  const modelInfo = models.info;
  // The SDK's deprecation notices and an unknown model come back as warnings on the result.
  const warningsOf = (model: string, fromSdk: ProviderWarning[]) => {
    const unknown = models.warnings(model);
    return unknown ? [...fromSdk, ...unknown] : fromSdk;
  };
  const maxTokensFor = (model: string) => {
    const limit = modelInfo(model)?.maxOutputTokens;
    const wanted = settings.defaultMaxTokens ?? defaultMaxTokens;
    return limit !== undefined ? Math.min(wanted, limit) : wanted;
  };
  const requestOptions = (request: LanguageRequest, timeoutMs: number | undefined) => ({
    maxRetries: 0,
    ...(request.signal ? { signal: request.signal } : {}),
    ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}),
  });
  const fail = (thrown: unknown, request: LanguageRequest) =>
    toFFCError(thrown, { model: request.model, signal: request.signal, secrets });

  return {
    specificationVersion: SPECIFICATION_VERSION,
    id: "anthropic",

    async generate(request: LanguageRequest): Promise<ProviderResult> {
      try {
        const body = toMessageBody(request, { defaultMaxTokens: maxTokensFor(request.model) });
        // The SDK refuses long non-streaming calls unless a timeout is given; give the one it would allow.
        // Clamped to Node's longest timer: beyond it setTimeout fires at once (issue 10, finding 4).
        const timeout =
          settings.timeoutMs ??
          Math.min(maxTimerMs, Math.max(600_000, (3_600_000 * body.max_tokens) / 128_000));
        const created = captureSdkWarnings(() =>
          client.messages.create({ ...body, stream: false as const }, requestOptions(request, timeout)),
        );
        const { data: message, response: http } = await created.value.withResponse();
        return withWarnings(
          withRateLimitHeaders(fromMessage(message, request.model), http.headers),
          warningsOf(request.model, created.warnings),
        );
      } catch (thrown) {
        throw fail(thrown, request);
      }
    },

    stream(request: LanguageRequest): AsyncIterable<StreamPart> {
      const open = async (): Promise<OpenedEvents> => {
        const body = toMessageBody(request, { defaultMaxTokens: maxTokensFor(request.model) });
        const created = captureSdkWarnings(() =>
          client.messages.create({ ...body, stream: true as const }, requestOptions(request, undefined)),
        );
        // The SDK sends the request and throws for an HTTP error; the body is read by anthropicEvents.
        const http = await created.value.asResponse();
        const warnings = warningsOf(request.model, created.warnings);
        return {
          events: anthropicEvents(http),
          finish: (part) => finishPartWith(part, http.headers, warnings),
        };
      };
      return mapStreamEvents(open, request.model, (thrown) => fail(thrown, request));
    },

    countTokens(request: LanguageRequest): Promise<number> {
      return countTokens(request, { client, secrets, defaultMaxTokens: maxTokensFor(request.model) });
    },

    modelInfo,
  };
}

/**
 * What `Provider.ANTHROPIC` resolves to: core imports this package lazily and calls
 * `createProvider` with the manager's apiKey, baseURL and headers.
 */
export const createProvider = providerFactory(createAnthropic);

function readEnvironmentKey(): string | undefined {
  return readEnvironment(apiKeyVariable);
}

function readEnvironment(name: string): string | undefined {
  const value = typeof process === "undefined" ? undefined : process.env[name];
  return value ? value : undefined;
}

/** The SDK appends `/v1/messages` itself, so a base URL ending in `/v1` would double it. */
function originOf(baseURL: string): string {
  return baseURL.replace(/\/+$/, "").replace(/\/v1$/, "");
}
