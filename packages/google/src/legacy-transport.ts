import { ConfigError } from "@ffc/core";
import type { ResolvedGoogleOptions } from "./google-options";
import type { LegacyGenerativeModel, LegacyRequestOptions } from "./legacy-types";
import type { MappedRequest } from "./request-mapping";
import { deepMerge, type GeminiTransport } from "./transport";
import type { GeminiResponse } from "./wire-types";

/**
 * Reaches Gemini through a legacy @google/generative-ai client or model the user already has.
 * That SDK never retries, sends the body it is given as is (so providerOptions merge straight
 * into it), and hands error chunks of a stream through as data (mapped in stream-mapping.ts).
 * It does not expose response headers, so only the body's RetryInfo can give a retry hint.
 */
export function legacyTransport(options: ResolvedGoogleOptions): GeminiTransport {
  const modelFor = (model: string): LegacyGenerativeModel => {
    if (options.legacyModel) {
      const bound = options.legacyModel.model.replace(/^models\//, "");
      if (bound !== model.replace(/^models\//, "")) {
        throw new ConfigError(
          `createGoogle({ legacyModel }) is bound to "${bound}", but the request asks for "${model}". Pass "legacyClient" to use several models.`,
          { provider: "google", model },
        );
      }
      return options.legacyModel;
    }
    const clientOptions: LegacyRequestOptions = {};
    if (options.baseURL) clientOptions.baseUrl = options.baseURL.replace(/\/+$/, "");
    if (options.apiVersion) clientOptions.apiVersion = options.apiVersion;
    if (options.headers) clientOptions.customHeaders = options.headers;
    return options.legacyClient!.getGenerativeModel({ model }, clientOptions);
  };
  const requestOptions = (signal: AbortSignal): LegacyRequestOptions => {
    const single: LegacyRequestOptions = { signal };
    if (options.legacyModel && options.headers) single.customHeaders = options.headers;
    return single;
  };
  const body = (mapped: MappedRequest) => deepMerge({ ...mapped.request }, mapped.extraBody);
  const holder = (options.legacyClient ?? options.legacyModel) as { apiKey?: string } | undefined;

  return {
    secrets: [options.apiKey, holder?.apiKey],
    async generate(model, mapped, call) {
      const result = await modelFor(model).generateContent(body(mapped), requestOptions(call.signal));
      return result.response as GeminiResponse;
    },
    async stream(model, mapped, call) {
      const result = await modelFor(model).generateContentStream(body(mapped), requestOptions(call.signal));
      // The SDK also aggregates the stream into `response`; nobody awaits it here, so its
      // rejection on a failed stream must not surface as an unhandled rejection.
      result.response.catch(() => undefined);
      return result.stream as AsyncIterable<GeminiResponse>;
    },
    async countTokens(model, mapped, call) {
      const { contents, systemInstruction, tools, toolConfig, generationConfig } = mapped.request;
      const generateContentRequest = deepMerge(
        { contents, systemInstruction, tools, toolConfig, generationConfig },
        {},
      );
      const response = await modelFor(model).countTokens(
        { generateContentRequest },
        requestOptions(call.signal),
      );
      return response.totalTokens;
    },
  };
}
