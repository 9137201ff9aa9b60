import { createHash } from "node:crypto";
import type { LanguageRequest } from "@ffc/core";
import { canonicalJson } from "./canonical-json";

/** Bumped when the key's contents change, so old entries are never read as new ones. */
const keyVersion = 1;

/**
 * The cache key of a request: SHA-256 of the canonical JSON of everything that shapes the
 * answer (provider, model, messages, sampling parameters, tools, response format and provider
 * options). The signal, metadata and vendor prompt-cache key do not change the answer, so two
 * users asking the same thing share an entry.
 */
export function cacheKeyFor(providerId: string, request: LanguageRequest): string {
  const shape = {
    version: keyVersion,
    provider: providerId,
    model: request.model,
    messages: request.messages,
    maxTokens: request.maxTokens,
    temperature: request.temperature,
    topP: request.topP,
    stop: request.stop,
    tools: request.tools,
    toolChoice: request.toolChoice,
    responseFormat: request.responseFormat,
    providerOptions: request.providerOptions,
  };
  return createHash("sha256").update(canonicalJson(shape)).digest("hex");
}
