import type Anthropic from "@anthropic-ai/sdk";
import { AbortError, type LanguageRequest } from "@ffc/core";
import { approximateTokenCounter, estimateMessageTokens } from "@ffc/core/provider";
import { toFFCError } from "./error-mapping";
import type { RequestMappingContext } from "./request-mapping";
import { toMessageBody } from "./request-mapping";

/** What counting needs from the provider. */
export interface CountTokensContext extends RequestMappingContext {
  client: Anthropic;
  secrets: readonly (string | undefined)[];
}

/**
 * Input tokens of a request from Anthropic's count endpoint (exact, free of charge). When
 * the endpoint cannot answer (offline, a gateway without it, an outage) a local estimate
 * is returned instead, so budgets and context fitting keep working; an abort still aborts.
 */
export async function countTokens(request: LanguageRequest, context: CountTokensContext): Promise<number> {
  const body = toMessageBody(request, context);
  const params: Anthropic.MessageCountTokensParams = { model: body.model, messages: body.messages };
  if (body.system !== undefined) params.system = body.system;
  if (body.tools !== undefined) params.tools = body.tools;
  if (body.tool_choice !== undefined) params.tool_choice = body.tool_choice;
  if (body.thinking !== undefined) params.thinking = body.thinking;
  if (body.output_config !== undefined) params.output_config = body.output_config;
  try {
    const counted = await context.client.messages.countTokens(params, {
      maxRetries: 0,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    if (typeof counted?.input_tokens === "number") return counted.input_tokens;
  } catch (thrown) {
    const error = toFFCError(thrown, {
      model: request.model,
      signal: request.signal,
      secrets: context.secrets,
    });
    if (AbortError.isInstance(error) || request.signal?.aborted) throw error;
  }
  return estimateTokens(request);
}

/** The local estimate: about four characters a token, plus the tool definitions. */
export function estimateTokens(request: LanguageRequest): number {
  const tools = request.tools ? approximateTokenCounter(JSON.stringify(request.tools)) : 0;
  return estimateMessageTokens(request.messages) + tools;
}
