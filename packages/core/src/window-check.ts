import type { GenerateOptions } from "./call-options";
import { ContextLengthError } from "./errors/context-length-error";
import type { Message } from "./message";
import type { LanguageProvider } from "./provider";
import type { LanguageRequest } from "./request";
import { approximateTokenCounter, estimateMessageTokens } from "./token-counter";

/** Estimated input tokens of a request: its messages (images included) and its tool definitions. */
export function estimateRequestTokens(messages: readonly Message[], tools: LanguageRequest["tools"]): number {
  let tokens = estimateMessageTokens(messages);
  if (tools && tools.length > 0) tokens += approximateTokenCounter(safeJson(tools));
  return tokens;
}

/**
 * The one context-window check of a call, for every input shape (prompt, template, context,
 * messages, tools, images), before anything is sent. The estimate is cheap; only when it is
 * over the limit is the provider's exact counter asked (when it has one), so a prompt that
 * merely looks too long is not refused. Returns undefined when the estimate fits (no promise to
 * await on every call), else a promise that settles once the exact count has decided.
 */
export function checkWindow(
  provider: LanguageProvider,
  request: Pick<LanguageRequest, "model" | "messages" | "tools" | "maxTokens">,
  maxInputTokens: number,
  window: number,
  options: GenerateOptions<any>,
): Promise<void> | undefined {
  const tokens = estimateRequestTokens(request.messages, request.tools);
  if (tokens <= maxInputTokens) return undefined;
  return checkOverEstimate(provider, request, tokens, maxInputTokens, window, options);
}

async function checkOverEstimate(
  provider: LanguageProvider,
  request: Pick<LanguageRequest, "model" | "messages" | "tools" | "maxTokens">,
  estimated: number,
  maxInputTokens: number,
  window: number,
  options: GenerateOptions<any>,
): Promise<void> {
  let tokens = estimated;
  if (provider.countTokens) {
    try {
      tokens = await provider.countTokens(request as LanguageRequest);
    } catch {
      // Counting failed (offline, no permission): the estimate decides.
    }
    if (tokens <= maxInputTokens) return;
  }
  throw new ContextLengthError(
    `The request to ${request.model} needs about ${tokens} input tokens, over its limit of ${maxInputTokens} (a context window of ${window}${
      request.maxTokens ? ` minus maxTokens ${request.maxTokens}` : ""
    }). ${remedies(options, request)}`,
    { provider: provider.id, model: request.model },
  );
}

/** What the caller can shorten, naming only the inputs this call has. */
function remedies(
  options: GenerateOptions<any>,
  request: Pick<LanguageRequest, "maxTokens" | "messages">,
): string {
  const steps: string[] = [];
  if (options.template) steps.push("shorten the template's variables");
  if (options.prompt !== undefined) steps.push("shorten the prompt");
  if (options.context) steps.push("shorten or drop context entries (fitContext shrinks them by priority)");
  if (options.messages?.length) steps.push("send fewer or shorter messages");
  if (options.tools?.length) steps.push("send fewer tools");
  if (
    request.messages.some(
      (message) =>
        typeof message.content !== "string" && message.content.some((part) => part.type === "image"),
    )
  )
    steps.push("send fewer images");
  if (request.maxTokens) steps.push("lower maxTokens");
  steps.push("use a model with a larger context window");
  const text = steps.length === 1 ? steps[0]! : `${steps.slice(0, -1).join(", ")} or ${steps.at(-1)}`;
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
