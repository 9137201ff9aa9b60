import type { LanguageProvider, LanguageRequest, ModelInfo, ProviderResult, StreamPart } from "@ffc/core";
import {
  deriveSignal,
  finishPartWith,
  lazyProvider,
  providerFactory,
  SPECIFICATION_VERSION,
  secretList,
  withWarnings,
} from "@ffc/core/provider";
import { estimateRequestTokens } from "./count-tokens";
import { type ErrorContext, mapError, mapErrorBody } from "./error-mapping";
import { genaiTransport } from "./genai-transport";
import { type GoogleProviderOptions, validateGoogleOptions } from "./google-options";
import { legacyTransport } from "./legacy-transport";
import { googleModelCatalogLookup, googleModelInfo } from "./model-info";
import { mapRequest } from "./request-mapping";
import { mapResponse } from "./response-mapping";
import { mapStream, type OpenedChunks } from "./stream-mapping";
import type { TransportCall } from "./transport";

/** The Gemini provider: an FFC LanguageProvider with token counting and model limits. */
export interface GoogleProvider extends LanguageProvider {
  readonly id: "google";
  /** Input tokens of a request by Gemini's countTokens endpoint; a local estimate when it fails. */
  countTokens(request: LanguageRequest): Promise<number>;
  /** Context window and output limit from FFC's model catalog or the `models` option. */
  modelInfo(model: string): ModelInfo | undefined;
}

const providerId = "google";

/**
 * Creates a Gemini provider. The API key (and any client passed in) lives only in this
 * closure, so the provider object shows nothing secret to JSON.stringify or util.inspect.
 * Throws a ConfigError at once when an option is invalid or no API key can be found.
 */
export function createGoogle(options: GoogleProviderOptions = {}): GoogleProvider {
  const resolved = validateGoogleOptions(options);
  const legacy = resolved.legacyClient !== undefined || resolved.legacyModel !== undefined;
  const transport = legacy ? legacyTransport(resolved) : genaiTransport(resolved);
  const secrets = secretList({ keys: transport.secrets, headers: resolved.headers });
  const models = googleModelCatalogLookup(resolved.models);

  const start = (request: LanguageRequest) => {
    const signal = deriveSignal(request.signal, { timeoutMs: resolved.timeoutMs, cancellable: true });
    const call: TransportCall = { signal: signal.signal, capture: {} };
    const errorContext = (): ErrorContext => ({
      provider: providerId,
      model: request.model,
      secrets,
      signal: request.signal,
      timedOut: () => signal.timedOut,
      timeoutMs: resolved.timeoutMs,
      headers: call.capture.headers,
      responseStatus: call.capture.status,
    });
    return { signal, call, errorContext };
  };

  return {
    specificationVersion: SPECIFICATION_VERSION,
    id: providerId,

    async generate(request: LanguageRequest): Promise<ProviderResult> {
      const { signal, call, errorContext } = start(request);
      try {
        const response = await transport.generate(request.model, mapRequest(request), call);
        return withWarnings(
          mapResponse(response, { provider: providerId, model: request.model }),
          models.warnings(request.model),
        );
      } catch (error) {
        throw mapError(error, errorContext());
      } finally {
        signal.dispose();
      }
    },

    stream(request: LanguageRequest): AsyncIterable<StreamPart> {
      // Started at the first part asked for, as a generator would: the timeout runs from there.
      let started: ReturnType<typeof start> | undefined;
      const open = async (): Promise<OpenedChunks> => {
        started = start(request);
        const events = await transport.stream(request.model, mapRequest(request), started.call);
        const warnings = models.warnings(request.model);
        return { events, finish: (part) => finishPartWith(part, undefined, warnings) };
      };
      const context = { provider: providerId, model: request.model };
      return mapStream(open, context, (body) => mapErrorBody(body, undefined, started!.errorContext()), {
        fail: (error) => (started ? mapError(error, started.errorContext()) : error),
        // A consumer that stops early leaves the HTTP stream open; cancel it.
        end: (finished) => started?.signal.dispose(!finished),
      });
    },

    async countTokens(request: LanguageRequest): Promise<number> {
      const { signal, call, errorContext } = start(request);
      try {
        return await transport.countTokens(request.model, mapRequest(request), call);
      } catch (error) {
        const mapped = mapError(error, errorContext());
        // Aborts and timeouts stop the caller; any other failure falls back to an estimate.
        if (mapped.name === "AbortError" || mapped.name === "TimeoutError") throw mapped;
        return estimateRequestTokens(request);
      } finally {
        signal.dispose();
      }
    },

    modelInfo: models.info,
  };
}

/** What @ffc/core calls when a config names `Provider.GOOGLE`: a provider from its settings. */
export const createProvider = providerFactory(createGoogle);

/**
 * The default provider. It reads GOOGLE_API_KEY / GEMINI_API_KEY at its first call, not at
 * import, so importing this package never throws; a missing key fails that first call with
 * the same ConfigError createGoogle() gives.
 */
export const google: GoogleProvider = lazyProvider<GoogleProvider>({
  id: providerId,
  create: () => createGoogle(),
  modelInfo: googleModelInfo,
});
