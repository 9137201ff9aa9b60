import {
  ConfigError,
  type LanguageProvider,
  type LanguageRequest,
  type ModelInfo,
  type ProviderResult,
  type StreamPart,
  TemporaryError,
} from "@ffc/core";
import {
  finishPartWith,
  lazyProvider,
  providerFactory,
  SPECIFICATION_VERSION,
  withRateLimitHeaders,
  withWarnings,
} from "@ffc/core/provider";
import { chatRequestBody } from "./chat-request";
import { chatResult } from "./chat-response";
import { chatStreamParts } from "./chat-stream";
import { countOpenAITokens } from "./count-tokens";
import { type ErrorContext, toFFCError, vendorError } from "./error-mapping";
import { openaiModelCatalogLookup, openaiModelInfo } from "./model-info";
import { connect, type OpenAIConnection } from "./openai-connection";
import { openAIEvents } from "./openai-events";
import { type OpenAIApi, type OpenAIProviderOptions, validateOpenAIOptions } from "./openai-options";
import type { OpenedStream } from "./opened-stream";
import { apiOptionKey } from "./request-common";
import { responsesRequestBody } from "./responses-request";
import { responsesResult } from "./responses-response";
import { responsesStreamParts } from "./responses-stream";

/** The OpenAI provider: a LanguageProvider whose token counting and model info are always there. */
export interface OpenAIProvider extends LanguageProvider {
  readonly id: "openai";
  /** Counts input tokens locally with OpenAI's tokenizer (images are estimated). */
  countTokens(request: LanguageRequest): Promise<number>;
  /** Context window and output limit from FFC's model catalog or the `models` option. */
  modelInfo(model: string): ModelInfo | undefined;
}

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * Creates an OpenAI provider (Chat Completions by default, or the Responses API), also for
 * any OpenAI-compatible server by `baseURL`. Throws ConfigError at once for bad options or
 * when no API key is given or found in OPENAI_API_KEY.
 */
export function createOpenAI(options: OpenAIProviderOptions = {}): OpenAIProvider {
  const checked = validateOpenAIOptions(options);
  const connection = connect(checked);
  return buildProvider(checked, () => connection);
}

/** Builds a provider from the settings core passes when a config names provider "openai". */
export const createProvider = providerFactory(createOpenAI);

/**
 * The default provider. It reads OPENAI_API_KEY (and OPENAI_BASE_URL) at its first call, not
 * at import, so importing this package never throws; a missing key fails that first call
 * with the same ConfigError as createOpenAI.
 */
export const openai: OpenAIProvider = lazyProvider<OpenAIProvider>({
  id: "openai",
  create: () => createOpenAI(),
  modelInfo: (model) => openaiModelInfo(model),
  countTokens: async (request) => countOpenAITokens(request),
});

function buildProvider(
  options: OpenAIProviderOptions,
  getConnection: () => OpenAIConnection,
): OpenAIProvider {
  const requestOptions = (request: LanguageRequest) => ({
    maxRetries: 0,
    ...(request.signal ? { signal: request.signal } : {}),
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
  });
  const contextFor = (request: LanguageRequest, connection?: OpenAIConnection): ErrorContext => ({
    provider: "openai",
    model: request.model,
    secrets: connection?.secrets ?? [],
    ...(request.signal ? { signal: request.signal } : {}),
  });
  const models = openaiModelCatalogLookup(options.models);

  return {
    specificationVersion: SPECIFICATION_VERSION,
    id: "openai",

    async generate(request: LanguageRequest): Promise<ProviderResult> {
      let connection: OpenAIConnection | undefined;
      try {
        connection = getConnection();
        const { client, settings } = connection;
        if (apiFor(request, options) === "chat") {
          const body = chatRequestBody(request, settings, false);
          const { data: completion, response: http } = await client.chat.completions
            .create(body as any, requestOptions(request))
            .withResponse();
          if (!Array.isArray((completion as any)?.choices) || (completion as any).choices.length === 0)
            throw malformed(request, "choices");
          return withWarnings(
            withRateLimitHeaders(chatResult(completion, request.model), http.headers),
            models.warnings(request.model),
          );
        }
        const body = responsesRequestBody(request, settings, false);
        const { data, response: http } = await client.responses
          .create(body as any, requestOptions(request))
          .withResponse();
        const response: any = data;
        if (!Array.isArray(response?.output)) throw malformed(request, "output");
        if (response.status === "failed") {
          throw vendorError(
            { code: response.error?.code, message: response.error?.message },
            contextFor(request, connection),
          );
        }
        return withWarnings(
          withRateLimitHeaders(responsesResult(response, request.model), http.headers),
          models.warnings(request.model),
        );
      } catch (thrown) {
        throw toFFCError(thrown, contextFor(request, connection));
      }
    },

    // One generator per stream (the part mapper, which also sends the request and maps errors):
    // every `async *` layer between the SDK and the consumer costs microtask hops per part.
    stream(request: LanguageRequest): AsyncIterable<StreamPart> {
      let connection: OpenAIConnection | undefined;
      let api: OpenAIApi | undefined;
      let refused: unknown;
      try {
        api = apiFor(request, options);
      } catch (error) {
        refused = error;
      }
      const open = async (): Promise<OpenedStream> => {
        if (api === undefined) throw refused;
        connection = getConnection();
        const { client, settings } = connection;
        const body =
          api === "chat"
            ? chatRequestBody(request, settings, true)
            : responsesRequestBody(request, settings, true);
        const created =
          api === "chat"
            ? client.chat.completions.create(body as any, requestOptions(request))
            : client.responses.create(body as any, requestOptions(request));
        // The SDK sends the request and throws for an HTTP error; the body is read by openAIEvents.
        const http = await created.asResponse();
        const warnings = models.warnings(request.model);
        return {
          events: openAIEvents(http),
          finish: (part) => finishPartWith(part, http.headers, warnings),
        };
      };
      const context = () => contextFor(request, connection);
      return api === "responses" ? responsesStreamParts(open, context) : chatStreamParts(open, context);
    },

    countTokens: (request: LanguageRequest) => countOpenAITokens(request),
    modelInfo: models.info,

    // Only harmless facts: the key lives in the connection closure, never on this object.
    toJSON: () => ({ id: "openai", api: options.api ?? "chat", baseURL: options.baseURL }),
    [inspectSymbol]: () => `OpenAIProvider { id: 'openai', api: '${options.api ?? "chat"}' }`,
  } as OpenAIProvider;
}

/** The API for one request: `providerOptions.openai.api`, else the provider's `api` option. */
function apiFor(request: LanguageRequest, options: OpenAIProviderOptions): OpenAIApi {
  const chosen = request.providerOptions?.openai?.[apiOptionKey] ?? options.api ?? "chat";
  if (chosen !== "chat" && chosen !== "responses") {
    throw new ConfigError(
      `providerOptions.openai.api must be "chat" or "responses"; got ${JSON.stringify(chosen)}.`,
    );
  }
  return chosen;
}

function malformed(request: LanguageRequest, field: string): TemporaryError {
  return new TemporaryError(
    `The OpenAI API answered ${request.model} with a body that has no "${field}"; it is not a valid response.`,
    { provider: "openai", model: request.model },
  );
}
