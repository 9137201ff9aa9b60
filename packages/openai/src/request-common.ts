import { ConfigError, type ImagePart, type LanguageRequest } from "@ffc/core";

/** The key of `providerOptions.openai` that picks the API instead of going into the body. */
export const apiOptionKey = "api";

/** An image as the URL OpenAI accepts: the given URL, or a `data:` URL built from base64 bytes. */
export function imageUrl(part: ImagePart, field: string): string {
  if (part.url) return part.url;
  if (part.data) {
    if (!part.mediaType) {
      throw new ConfigError(`${field}: an image given as base64 "data" needs "mediaType", e.g. "image/png".`);
    }
    return `data:${part.mediaType};base64,${part.data}`;
  }
  throw new ConfigError(`${field}: an image needs "url" or base64 "data" with "mediaType".`);
}

/** A tool result as the string both OpenAI APIs expect. */
export function stringifyOutput(output: unknown): string {
  return typeof output === "string" ? output : JSON.stringify(output ?? null);
}

/**
 * Fields both APIs share: the prompt cache key, the end-user id, and the caller's
 * `providerOptions.openai`, merged last so a caller can set any vendor field.
 */
export function requestExtras(request: LanguageRequest, openaiHost: boolean): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  if (request.promptCacheKey) extras.prompt_cache_key = request.promptCacheKey;
  if (request.metadata?.userId) {
    // OpenAI replaced `user` by `safety_identifier`; compatible servers still know only `user`.
    extras[openaiHost ? "safety_identifier" : "user"] = request.metadata.userId;
  }
  const vendor = request.providerOptions?.openai;
  if (vendor) {
    for (const [key, value] of Object.entries(vendor)) {
      if (key !== apiOptionKey) extras[key] = value;
    }
  }
  return extras;
}
