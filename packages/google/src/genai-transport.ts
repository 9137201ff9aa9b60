import { type GenerateContentParameters, GoogleGenAI } from "@google/genai";
import type { ResolvedGoogleOptions } from "./google-options";
import type { MappedRequest } from "./request-mapping";
import type { GeminiTransport, TransportCall } from "./transport";
import type { GeminiContent, GeminiResponse } from "./wire-types";

const defaultApiVersion = "v1beta";

/**
 * Reaches Gemini through @google/genai. SDK retries stay off (FFC owns retries), and so do
 * automatic function calling and automatic continuation, so that one attempt is one request.
 */
export function genaiTransport(options: ResolvedGoogleOptions): GeminiTransport {
  const client = options.client ?? buildClient(options);
  const ownFetch: typeof fetch | undefined = options.fetch ?? (client as any).httpOptions?.fetch;
  const clientRetries = (client as any).httpOptions?.retryOptions !== undefined;

  const config = (mapped: MappedRequest, call: TransportCall): Record<string, unknown> => {
    const httpOptions: Record<string, unknown> = { fetch: capturingFetch(ownFetch, call) };
    if (mapped.extraBody) httpOptions.extraBody = mapped.extraBody;
    if (options.client && options.headers) httpOptions.headers = options.headers;
    // A client passed in may have retries switched on; one attempt is one request here.
    if (clientRetries) httpOptions.retryOptions = { attempts: 1 };
    const { request } = mapped;
    const result: Record<string, unknown> = {
      ...request.generationConfig,
      abortSignal: call.signal,
      httpOptions,
      automaticFunctionCalling: { disable: true },
      automaticContinuation: false,
    };
    if (request.systemInstruction) result.systemInstruction = request.systemInstruction;
    if (request.tools) result.tools = request.tools;
    if (request.toolConfig) result.toolConfig = request.toolConfig;
    return result;
  };
  const parameters = (model: string, mapped: MappedRequest, call: TransportCall) =>
    ({ model, contents: mapped.request.contents, config: config(mapped, call) }) as GenerateContentParameters;

  return {
    secrets: [options.apiKey, (client as any).apiKey],
    async generate(model, mapped, call) {
      return (await client.models.generateContent(parameters(model, mapped, call))) as GeminiResponse;
    },
    async stream(model, mapped, call) {
      return (await client.models.generateContentStream(
        parameters(model, mapped, call),
      )) as AsyncIterable<GeminiResponse>;
    },
    async countTokens(model, mapped, call) {
      const httpOptions = {
        fetch: capturingFetch(ownFetch, call),
        ...(options.client && options.headers ? { headers: options.headers } : {}),
      };
      const response = await client.models.countTokens({
        model,
        contents: countableContents(mapped) as any,
        config: { abortSignal: call.signal, httpOptions },
      });
      if (typeof response.totalTokens !== "number")
        throw new Error("countTokens answered without totalTokens");
      return response.totalTokens;
    },
  };
}

function buildClient(options: ResolvedGoogleOptions): GoogleGenAI {
  let baseUrl = options.baseURL;
  let apiVersion = options.apiVersion;
  const versioned = baseUrl ? /^(.*?)\/(v\d+[\w.]*)\/?$/.exec(baseUrl) : null;
  if (versioned) {
    baseUrl = versioned[1];
    apiVersion ??= versioned[2];
  }
  const httpOptions: Record<string, unknown> = { apiVersion: apiVersion ?? defaultApiVersion };
  if (baseUrl) httpOptions.baseUrl = baseUrl.replace(/\/+$/, "");
  if (options.headers) httpOptions.headers = options.headers;
  // vertexai: false so that GOOGLE_GENAI_USE_VERTEXAI in the environment cannot switch backends.
  return new GoogleGenAI({ apiKey: options.apiKey!, vertexai: false, httpOptions });
}

/**
 * A fetch that remembers the response headers (for retry-after and request ids, which the SDK's
 * ApiError drops). The SDK gives its own requests an undici dispatcher without header and body
 * timeouts, but not requests made through a custom fetch; the same dispatcher is set here so
 * long generations behave alike, and time limits stay with `timeoutMs` and FFC's policies.
 */
function capturingFetch(base: typeof fetch | undefined, call: TransportCall): typeof fetch {
  return async (input, init) => {
    const response = await (base ?? globalThis.fetch)(input, withoutTimeouts(init));
    call.capture.headers = response.headers;
    call.capture.status = response.status;
    return response;
  };
}

const globalDispatcherKey = Symbol.for("undici.globalDispatcher.1");

function withoutTimeouts(init: RequestInit | undefined): RequestInit | undefined {
  if (init && "dispatcher" in init) return init;
  // Node creates its global undici dispatcher lazily; making a Headers object triggers that.
  if (!(globalThis as any)[globalDispatcherKey] && typeof Headers !== "undefined") new Headers();
  const global = (globalThis as any)[globalDispatcherKey];
  if (typeof global?.dispatch !== "function") return init;
  const dispatcher = {
    dispatch: (options: Record<string, unknown>, handler: unknown) =>
      global.dispatch({ ...options, headersTimeout: 0, bodyTimeout: 0 }, handler),
  };
  return { ...init, dispatcher } as RequestInit;
}

/**
 * The Gemini Developer API's countTokens, as @google/genai sends it, takes contents only; the
 * system instruction and tool declarations are counted as text of a leading user turn, which
 * comes within a few tokens of the real figure.
 */
function countableContents({ request }: MappedRequest): GeminiContent[] {
  const extra: string[] = [];
  for (const part of request.systemInstruction?.parts ?? []) extra.push(part.text);
  if (request.tools) extra.push(JSON.stringify(request.tools));
  if (extra.length === 0) return request.contents;
  return [{ role: "user", parts: [{ text: extra.join("\n") }] }, ...request.contents];
}
