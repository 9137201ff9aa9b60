import { ConfigError } from "./errors/config-error";
import {
  httpUrl,
  nonEmptyString,
  numberBetween,
  type Problem,
  positiveInteger,
  stringArray,
  stringRecord,
} from "./option-checks";
import { assertProviderReference, type ProviderReference } from "./provider-registry";

/** How an LLMManager reaches its model. The guide's `LLMConfig`, in camelCase. */
export interface LLMConfig {
  /** Provider id (`Provider.OPENAI`, a registered id) or a provider object. */
  provider: ProviderReference;
  /** Model id, e.g. "gpt-4o". */
  model: string;
  /** API key; when absent the provider reads its usual environment variable. Never logged. */
  apiKey?: string;
  /** Base URL of the vendor API or a compatible server. */
  baseURL?: string;
  /** Extra HTTP headers for every request. */
  headers?: Record<string, string>;
  /** Upper bound on output tokens per call. */
  maxTokens?: number;
  /** Sampling temperature, 0 to 2. */
  temperature?: number;
  /** Nucleus sampling, 0 to 1. */
  topP?: number;
  /** Stop sequences. */
  stop?: string[];
  /** Time limit of one attempt in milliseconds (for streams, of the wait between parts). */
  timeoutMs?: number;
}

const knownFields = new Set([
  "provider",
  "model",
  "apiKey",
  "baseURL",
  "headers",
  "maxTokens",
  "temperature",
  "topP",
  "stop",
  "timeoutMs",
]);

/** Validates a config once; throws one ConfigError naming each bad field. */
export function validateConfig(config: unknown): LLMConfig {
  if (typeof config !== "object" || config === null) {
    throw new ConfigError(
      'Invalid LLMConfig: pass an object such as { provider: Provider.OPENAI, model: "gpt-4o" }.',
    );
  }
  const value = config as Record<string, unknown>;
  // The provider check gives the most precise message (unknown id, which package), so it goes first.
  assertProviderReference(value.provider, "provider");
  const problems: Problem[] = [
    nonEmptyString(value.model, "model", '"gpt-4o"', false),
    nonEmptyString(value.apiKey, "apiKey", "an API key; leave it out to use the environment variable"),
    httpUrl(value.baseURL, "baseURL"),
    stringRecord(value.headers, "headers"),
    positiveInteger(value.maxTokens, "maxTokens"),
    numberBetween(value.temperature, "temperature", 0, 2),
    numberBetween(value.topP, "topP", 0, 1),
    stringArray(value.stop, "stop"),
    positiveInteger(value.timeoutMs, "timeoutMs"),
  ];
  const unknown = Object.keys(value).filter((key) => !knownFields.has(key));
  // The guide's Python spelling is a likely slip; say what the TypeScript name is.
  for (const key of unknown) problems.push(`"${key}": is not an LLMConfig option${suggestion(key)}`);
  const found = problems.filter((problem): problem is string => problem !== undefined);
  if (found.length > 0) throw new ConfigError(`Invalid LLMConfig: ${found.join("; ")}.`);
  return value as unknown as LLMConfig;
}

function suggestion(key: string): string {
  const camel = key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  if (knownFields.has(camel)) return ` (did you mean "${camel}"?)`;
  if (key.toLowerCase() === "baseurl") return ' (did you mean "baseURL"?)';
  return "";
}
