import { ConfigError, type ModelInfo } from "@ffc/core";
import { checkOptions, modelInfoOption, type OptionRule, option, optionsError } from "@ffc/core/provider";
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

const methodOf = (what: string, method: string) => (value: unknown) =>
  typeof (value as Record<string, unknown> | null)?.[method] === "function" ? { value } : `must be ${what}`;

const googleRules = {
  apiKey: option.string({ example: "an API key; leave it out to read GOOGLE_API_KEY or GEMINI_API_KEY" }),
  baseURL: option.url({ example: '"https://generativelanguage.googleapis.com"' }),
  apiVersion: option.custom<string>((value) =>
    typeof value === "string" && /^[\w.-]+$/.test(value)
      ? { value }
      : 'must be a version segment such as "v1beta"',
  ),
  headers: option.record(option.string({ required: true, allowBlank: true })),
  timeoutMs: option.integer({ min: 1 }),
  client: option.custom<GoogleGenAI>((value) =>
    typeof (value as any)?.models?.generateContent === "function"
      ? { value: value as GoogleGenAI }
      : "must be a GoogleGenAI instance from @google/genai",
  ),
  legacyClient: option.custom(
    methodOf("a GoogleGenerativeAI instance from @google/generative-ai", "getGenerativeModel"),
  ) as OptionRule<LegacyGoogleClient | undefined>,
  legacyModel: option.custom(
    methodOf(
      "a GenerativeModel from @google/generative-ai (genAI.getGenerativeModel(...))",
      "generateContentStream",
    ),
  ) as OptionRule<LegacyGenerativeModel | undefined>,
  fetch: option.callback<typeof globalThis.fetch>({ example: "globalThis.fetch" }),
  models: modelInfoOption(),
};

/** The message for a missing key, shared by createGoogle and the default `google` instance. */
export const missingKeyMessage =
  'createGoogle: no Gemini API key. Pass the "apiKey" option (or "client" / "legacyClient" / "legacyModel"), or set the GEMINI_API_KEY or GOOGLE_API_KEY environment variable.';

/** Validates the options once, at construction; throws a ConfigError naming every bad field. */
export function validateGoogleOptions(options: GoogleProviderOptions): ResolvedGoogleOptions {
  const checked = checkOptions("createGoogle", options, googleRules, "{ apiKey }");
  const clients = (["client", "legacyClient", "legacyModel"] as const).filter(
    (name) => checked[name] !== undefined,
  );
  if (clients.length > 1) {
    throw optionsError("createGoogle", [
      {
        field: clients[1]!,
        message: `is given with "${clients[0]}"; pass only one of "client", "legacyClient" and "legacyModel"`,
      },
    ]);
  }
  const resolvedKey = checked.apiKey ?? (clients.length === 0 ? environmentKey() : undefined);
  if (clients.length === 0 && resolvedKey === undefined) throw new ConfigError(missingKeyMessage);
  const resolved: ResolvedGoogleOptions = { ...(checked as GoogleProviderOptions) };
  if (resolvedKey === undefined) delete resolved.apiKey;
  else resolved.apiKey = resolvedKey;
  return resolved;
}

function environmentKey(): string | undefined {
  if (typeof process === "undefined" || !process.env) return undefined;
  const value = process.env.GOOGLE_API_KEY || process.env.GEMINI_API_KEY;
  return value && value.trim() !== "" ? value : undefined;
}
