import type { Message } from "./message";

/** Counts the tokens of a text. */
export type TokenCounter = (text: string) => number;

/**
 * An approximate counter: about four characters a token for English, as the vendors' own
 * rules of thumb say. Providers bring exact counters (`countTokens`).
 */
export const approximateTokenCounter: TokenCounter = (text) => Math.ceil(text.length / 4);

/** Tokens a message costs beyond its text (role markers and separators), as an estimate. */
export const messageOverheadTokens = 4;

/** Estimates the input tokens of a list of messages. */
export function estimateMessageTokens(
  messages: readonly Message[],
  counter = approximateTokenCounter,
): number {
  let total = 0;
  for (const message of messages) {
    total += messageOverheadTokens;
    if (typeof message.content === "string") {
      total += counter(message.content);
      continue;
    }
    for (const part of message.content) {
      if (part.type === "text" || part.type === "reasoning") total += counter(part.text);
      else if (part.type === "tool-call") total += counter(JSON.stringify(part.input ?? {}));
      else if (part.type === "tool-result") total += counter(JSON.stringify(part.output ?? ""));
      // An image's cost depends on its size; vendors charge roughly a thousand tokens for a typical one.
      else if (part.type === "image") total += 1000;
    }
  }
  return total;
}
