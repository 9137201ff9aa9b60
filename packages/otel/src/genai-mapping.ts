import type { FinishReason, LanguageRequest, RequestMetadata, Usage } from "@ffc/core";
import type { Attributes } from "@opentelemetry/api";
import { FFCAttributes, GenAIAttributes } from "./attribute-names";

/**
 * FFC provider ids whose name in the conventions differs. Google's id covers the Gemini API
 * (generativelanguage.googleapis.com), which the conventions call "gcp.gemini". Any other id is
 * passed through, as the conventions allow for providers they do not list.
 */
const conventionProviderNames: Record<string, string> = {
  google: "gcp.gemini",
  gemini: "gcp.gemini",
  "vertex-ai": "gcp.vertex_ai",
  bedrock: "aws.bedrock",
  "azure-openai": "azure.ai.openai",
  mistral: "mistral_ai",
  xai: "x_ai",
};

/** The conventions' provider name for an FFC provider id. */
export function providerName(providerId: string): string {
  return conventionProviderNames[providerId] ?? providerId;
}

/** Provider attributes under both the current and the pre-v1.37 name. */
export function providerAttributes(providerId: string): Attributes {
  const name = providerName(providerId);
  return {
    [GenAIAttributes.PROVIDER_NAME]: name,
    [GenAIAttributes.SYSTEM]: name,
    [FFCAttributes.PROVIDER_ID]: providerId,
  };
}

/**
 * Attributes of a (provider, model) target, as metrics carry them. Cached because every event
 * of every call needs them and a process talks to few targets; the cache is emptied when it
 * grows past a bound, so that unusual model strings cannot make it grow without limit.
 */
export function targetAttributes(providerId: string, model: string): Readonly<Attributes> {
  const key = `${providerId}\u0000${model}`;
  let attributes = targetCache.get(key);
  if (!attributes) {
    if (targetCache.size >= maxCachedTargets) targetCache.clear();
    attributes = Object.freeze({
      [GenAIAttributes.OPERATION_NAME]: operationName,
      ...providerAttributes(providerId),
      [GenAIAttributes.REQUEST_MODEL]: model,
    });
    targetCache.set(key, attributes);
  }
  return attributes;
}

/** Every FFC call sends a list of messages and gets one answer: a chat in the conventions' terms. */
export const operationName = "chat";
const maxCachedTargets = 1000;
const targetCache = new Map<string, Readonly<Attributes>>();

/** FFC's finish reasons in the spelling of the conventions' output message schema. */
const finishReasonNames: Record<FinishReason, string> = {
  stop: "stop",
  length: "length",
  "tool-calls": "tool_call",
  "content-filter": "content_filter",
  error: "error",
  other: "other",
};

/** The conventions' name of a finish reason. */
export function finishReasonName(reason: FinishReason): string {
  return finishReasonNames[reason] ?? String(reason);
}

/**
 * The error's class name, e.g. "RateLimitError". FFC errors set `name` to their class name,
 * so this works across duplicated installs and after minification of the application.
 */
export function errorType(error: unknown): string {
  if (typeof error !== "object" || error === null) return "_OTHER";
  const name = (error as { name?: unknown }).name;
  if (typeof name === "string" && name !== "" && name !== "Error") return name;
  const constructorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof constructorName === "string" && constructorName !== "" && constructorName !== "Object") {
    return constructorName;
  }
  return typeof name === "string" && name !== "" ? name : "_OTHER";
}

/** The error's message, for a span status; never the error object itself. */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string") return message;
  }
  return typeof error === "string" ? error : "";
}

/** Request settings as attributes; no content, so they are always recorded. */
export function requestAttributes(request: LanguageRequest): Attributes {
  const attributes: Attributes = {};
  if (request.maxTokens !== undefined) attributes[GenAIAttributes.REQUEST_MAX_TOKENS] = request.maxTokens;
  if (request.temperature !== undefined)
    attributes[GenAIAttributes.REQUEST_TEMPERATURE] = request.temperature;
  if (request.topP !== undefined) attributes[GenAIAttributes.REQUEST_TOP_P] = request.topP;
  if (request.stop !== undefined && request.stop.length > 0) {
    attributes[GenAIAttributes.REQUEST_STOP_SEQUENCES] = [...request.stop];
  }
  if (request.responseFormat) {
    attributes[GenAIAttributes.OUTPUT_TYPE] = request.responseFormat.type === "json" ? "json" : "text";
  }
  return attributes;
}

/** Attributes from a call's metadata: the session as conversation id, and the tags. */
export function metadataAttributes(metadata: RequestMetadata | undefined): Attributes {
  const attributes: Attributes = {};
  if (!metadata) return attributes;
  if (metadata.sessionId !== undefined) attributes[GenAIAttributes.CONVERSATION_ID] = metadata.sessionId;
  if (metadata.tags !== undefined && metadata.tags.length > 0)
    attributes[FFCAttributes.TAGS] = [...metadata.tags];
  return attributes;
}

/** Usage as the conventions' `gen_ai.usage.*` attributes. */
export function usageAttributes(usage: Usage): Attributes {
  const attributes: Attributes = {
    [GenAIAttributes.USAGE_INPUT_TOKENS]: usage.inputTokens,
    [GenAIAttributes.USAGE_OUTPUT_TOKENS]: usage.outputTokens,
  };
  if (usage.cacheReadTokens !== undefined) {
    attributes[GenAIAttributes.USAGE_CACHE_READ_INPUT_TOKENS] = usage.cacheReadTokens;
  }
  if (usage.cacheWriteTokens !== undefined) {
    attributes[GenAIAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS] = usage.cacheWriteTokens;
  }
  return attributes;
}
