import type { Context } from "./context";
import { ContextLengthError } from "./errors/context-length-error";
import { valueToText } from "./sanitize";
import { estimateMessageTokens, messageOverheadTokens, type TokenCounter } from "./token-counter";

/** What fitting a context did. */
export interface FitReport {
  /** Entry keys dropped, and `history[i]` for dropped history messages. */
  dropped: string[];
  /** Entry keys whose values were shortened. */
  truncated: string[];
  /** Estimated tokens of the context after fitting. */
  tokens: number;
}

interface Candidate {
  name: string;
  priority: number;
  order: number;
  tokens: number;
  entryKey?: string;
  historyIndex?: number;
  text?: string;
  untrusted?: boolean;
}

/** Marks a truncated value, so the model knows text is missing. */
const ellipsis = "…";

/** Entries shorter than this many tokens are dropped rather than cut to a useless stub. */
const smallestUsefulTruncation = 32;

/** See `Context.fit`. */
export function fitContext(
  context: Context,
  maxInputTokens: number,
  counter: TokenCounter,
  options: { reservedTokens?: number; protectedKeys?: readonly string[] },
): FitReport {
  if (!Number.isFinite(maxInputTokens) || maxInputTokens <= 0) {
    throw new RangeError(`context.fit: "maxInputTokens" must be a positive number, got ${maxInputTokens}.`);
  }
  const protectedKeys = new Set(options.protectedKeys ?? []);
  const candidates: Candidate[] = [];
  let total = options.reservedTokens ?? 0;
  let order = 0;
  for (const entry of context.entries()) {
    const text = valueToText(entry.value, entry.key);
    const tokens = counter(text) + messageOverheadTokens;
    total += tokens;
    if (!protectedKeys.has(entry.key)) {
      candidates.push({
        name: entry.key,
        priority: entry.priority,
        order: order++,
        tokens,
        entryKey: entry.key,
        text,
        untrusted: entry.untrusted,
      });
    }
  }
  context.historyEntries().forEach((entry, index) => {
    const tokens = estimateMessageTokens([entry.message], counter);
    total += tokens;
    candidates.push({
      name: `history[${index}]`,
      priority: entry.priority,
      order: order++,
      tokens,
      historyIndex: index,
    });
  });
  const report: FitReport = { dropped: [], truncated: [], tokens: total };
  if (total <= maxInputTokens) return report;

  candidates.sort((left, right) => left.priority - right.priority || left.order - right.order);
  const droppedHistory = new Set<number>();
  for (const candidate of candidates) {
    if (total <= maxInputTokens) break;
    const excess = total - maxInputTokens;
    const keep = candidate.tokens - excess - messageOverheadTokens - counter(ellipsis);
    if (candidate.text !== undefined && keep >= smallestUsefulTruncation) {
      // Cut by characters in proportion, then trim until the counter agrees.
      let cut = candidate.text.slice(
        0,
        Math.floor((candidate.text.length * keep) / (candidate.tokens - messageOverheadTokens)),
      );
      while (cut.length > 0 && counter(cut) > keep) cut = cut.slice(0, Math.floor(cut.length * 0.9));
      context.add(candidate.entryKey!, `${cut}${ellipsis}`, {
        priority: candidate.priority,
        untrusted: candidate.untrusted ?? false,
      });
      total -= candidate.tokens - (counter(`${cut}${ellipsis}`) + messageOverheadTokens);
      report.truncated.push(candidate.name);
      continue;
    }
    if (candidate.entryKey !== undefined) context.remove(candidate.entryKey);
    if (candidate.historyIndex !== undefined) droppedHistory.add(candidate.historyIndex);
    total -= candidate.tokens;
    report.dropped.push(candidate.name);
  }
  if (droppedHistory.size > 0) context.removeHistory(droppedHistory);
  report.tokens = total;
  if (total > maxInputTokens) {
    const shorten =
      protectedKeys.size > 0
        ? "Shorten the template's variables or the prompt"
        : "Shorten the prompt and messages";
    throw new ContextLengthError(
      `The prompt needs about ${total} tokens even after dropping every optional context entry, over the limit of ${maxInputTokens}. ${shorten}, lower maxTokens, or use a model with a larger context window.`,
    );
  }
  return report;
}
