import { ConfigError, checkModelsOption, describeValue, type ModelInfo } from "@ffc/core";
import type { GoogleGenAI } from "@google/genai";
import type { LegacyGenerativeModel, LegacyGoogleClient } from "./legacy-types";

/** Options of `createGoogle`. */
export interface GoogleProviderOptions {
  /** Gemini API key; when absent, GOOGLE_API_KEY or GEMINI_API_KEY is read (GOOGLE_API_KEY wins, as in @google/genai). */
  apiKey?: string;
  /** Origin of the Gemini API or a compatible server, e.g. "http://127.0.0.1:8080"; a trailing "/v1beta" is read as the API version. */
  baseURL?: string;
  /** API version path segment (default "v1beta"). */
  apiVersion?: string;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
  /** Time limit of one whole request (for streams, until the last chunk), in milliseconds. */
  timeoutMs?: number;
  /** An existing @google/genai client to use instead of building one (its own key and base URL apply). */
  client?: GoogleGenAI;
  /** An existing legacy @google/generative-ai `GoogleGenerativeAI` client. */
  legacyClient?: LegacyGoogleClient;
  /** An existing legacy @google/generative-ai `GenerativeModel`; requests must name its model. */
  legacyModel?: LegacyGenerativeModel;
  /** A fetch implementation for @google/genai requests (default: the client's own, else global fetch). */
  fetch?: typeof globalThis.fetch;
  /**
   * Context window and output limits of models FFC's catalog does not know, or to correct it;
   * the same option on every provider.
   * @example { "gemini-2.5-flash": { contextWindow: 1048576, maxOutputTokens: 65536 } }
   */
  models?: Record<string, ModelInfo>;
}

/** Options after validation, with the API key resolved. */
export interface ResolvedGoogleOptions extends Omit<GoogleProviderOptions, "apiKey"> {
  apiKey?: string;
}

const knownOptions = new Set([
  "apiKey",
  "baseURL",
  "apiVersion",
  "headers",
  "timeoutMs",
  "client",
  "legacyClient",
  "legacyModel",
  "fetch",
  "models",
]);

/** The message for a missing key, shared by createGoogle and the default `google` instance. */
export const missingKeyMessage =
  'createGoogle: no Gemini API key. Pass the "apiKey" option (or "client" / "legacyClient" / "legacyModel"), or set the GEMINI_API_KEY or GOOGLE_API_KEY environment variable.';

/** Validates the options once, at construction; throws a ConfigError naming the field. */
export function validateGoogleOptions(options: GoogleProviderOptions): ResolvedGoogleOptions {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError(`createGoogle: options must be an object; got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!knownOptions.has(key)) {
      throw new ConfigError(
        `createGoogle: unknown option "${key}". Known options: ${[...knownOptions].join(", ")}.`,
      );
    }
  }
  const fail = (field: string, expected: string, value: unknown): never => {
    throw new ConfigError(`createGoogle: "${field}" must be ${expected}; got ${describeValue(value)}.`);
  };
  const { apiKey, baseURL, apiVersion, headers, timeoutMs, client, legacyClient, legacyModel } = options;
  if (apiKey !== undefined && (typeof apiKey !== "string" || apiKey.trim() === ""))
    fail("apiKey", "a non-empty string", apiKey);
  if (baseURL !== undefined && (typeof baseURL !== "string" || !URL.canParse(baseURL))) {
    fail("baseURL", 'a URL such as "https://generativelanguage.googleapis.com"', baseURL);
  }
  if (apiVersion !== undefined && (typeof apiVersion !== "string" || !/^[\w.-]+$/.test(apiVersion))) {
    fail("apiVersion", 'a version segment such as "v1beta"', apiVersion);
  }
  if (headers !== undefined && !isStringRecord(headers))
    fail("headers", "an object of string values", headers);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0))
    fail("timeoutMs", "a whole number of milliseconds above 0", timeoutMs);
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    fail("fetch", "a fetch function", options.fetch);
  if (client !== undefined && typeof (client as any)?.models?.generateContent !== "function") {
    fail("client", "a GoogleGenAI instance from @google/genai", client);
  }
  if (legacyClient !== undefined && typeof (legacyClient as any)?.getGenerativeModel !== "function") {
    fail("legacyClient", "a GoogleGenerativeAI instance from @google/generative-ai", legacyClient);
  }
  if (legacyModel !== undefined && typeof (legacyModel as any)?.generateContentStream !== "function") {
    fail(
      "legacyModel",
      "a GenerativeModel from @google/generative-ai (genAI.getGenerativeModel(...))",
      legacyModel,
    );
  }
  const clients = [client, legacyClient, legacyModel].filter((value) => value !== undefined).length;
  if (clients > 1)
    throw new ConfigError('createGoogle: pass only one of "client", "legacyClient" and "legacyModel".');
  const resolvedKey = apiKey ?? (clients === 0 ? environmentKey() : undefined);
  if (clients === 0 && resolvedKey === undefined) throw new ConfigError(missingKeyMessage);
  const resolved: ResolvedGoogleOptions = { ...options };
  if (options.models !== undefined) {
    const models = checkModelsOption("createGoogle", options.models);
    if (models) resolved.models = models;
  }
  if (resolvedKey === undefined) delete resolved.apiKey;
  else resolved.apiKey = resolvedKey;
  return resolved;
}

function environmentKey(): string | undefined {
  if (typeof process === "undefined" || !process.env) return undefined;
  const value = process.env.GOOGLE_API_KEY || process.env.GEMINI_API_KEY;
  return value && value.trim() !== "" ? value : undefined;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((item) => typeof item === "string")
  );
}
