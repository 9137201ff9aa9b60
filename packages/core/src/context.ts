import { type FitReport, fitContext } from "./context-fit";
import { ConfigError } from "./errors/config-error";
import type { Message } from "./message";
import { approximateTokenCounter, type TokenCounter } from "./token-counter";

/** Options of one context entry. */
export interface ContextEntryOptions {
  /** Higher survives longer when the context must shrink to fit; default 0 (system_prompt: 100). */
  priority?: number;
  /** Fence the value in untrusted-input delimiters so it cannot pose as instructions. */
  untrusted?: boolean;
}

/** One named value in a context. */
export interface ContextEntry {
  readonly key: string;
  value: unknown;
  readonly priority: number;
  readonly untrusted: boolean;
}

/** A message of the conversation history, with its priority for fitting. */
export interface HistoryEntry {
  readonly message: Message;
  readonly priority: number;
}

/** The key whose value becomes the system message. */
export const SYSTEM_PROMPT_KEY = "system_prompt";

/**
 * Named values for a call. `system_prompt` becomes the system message, entries named like a
 * template variable fill it, and every other entry is rendered before the prompt as
 * `<context name="key">value</context>` blocks. It can also hold conversation history.
 */
export class Context {
  readonly #entries = new Map<string, ContextEntry>();
  readonly #history: HistoryEntry[] = [];

  /** Adds or replaces an entry. */
  add(key: string, value: unknown, options: ContextEntryOptions = {}): this {
    if (typeof key !== "string" || key.length === 0) {
      throw new ConfigError('context.add(key, value): "key" must be a non-empty string.');
    }
    if (options.priority !== undefined && !Number.isFinite(options.priority)) {
      throw new ConfigError(`context.add("${key}"): "priority" must be a finite number.`);
    }
    this.#entries.set(key, {
      key,
      value,
      priority: options.priority ?? (key === SYSTEM_PROMPT_KEY ? 100 : 0),
      untrusted: options.untrusted ?? false,
    });
    return this;
  }

  /** The value of an entry, or undefined. */
  get(key: string): unknown {
    return this.#entries.get(key)?.value;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Removes an entry; true when there was one. */
  remove(key: string): boolean {
    return this.#entries.delete(key);
  }

  /** Every entry, in insertion order. */
  entries(): ContextEntry[] {
    return [...this.#entries.values()];
  }

  /** Appends a message to the conversation history. */
  addMessage(message: Message, options: { priority?: number } = {}): this {
    if (typeof message !== "object" || message === null || typeof message.role !== "string") {
      throw new ConfigError(
        'context.addMessage(message): pass a message like { role: "user", content: "..." }.',
      );
    }
    this.#history.push({ message, priority: options.priority ?? 0 });
    return this;
  }

  /** The conversation history, oldest first. */
  get history(): readonly Message[] {
    return this.#history.map((entry) => entry.message);
  }

  /** History with priorities, for fitting. */
  historyEntries(): readonly HistoryEntry[] {
    return this.#history;
  }

  /** Removes history messages by index (used by fitting). */
  removeHistory(indexes: ReadonlySet<number>): void {
    const kept = this.#history.filter((_, index) => !indexes.has(index));
    this.#history.length = 0;
    this.#history.push(...kept);
  }

  /** A copy whose entries and history can change without touching this one. */
  clone(): Context {
    const copy = new Context();
    for (const entry of this.#entries.values()) copy.#entries.set(entry.key, { ...entry });
    copy.#history.push(...this.#history);
    return copy;
  }

  /**
   * Shrinks the context to `maxInputTokens`: drops or truncates the lowest-priority entries
   * and the oldest history first, never the template's own variables, and reports what it did.
   * Throws ContextLengthError when even that is not enough.
   */
  fit(
    maxInputTokens: number,
    counter: TokenCounter = approximateTokenCounter,
    options: { reservedTokens?: number; protectedKeys?: readonly string[] } = {},
  ): FitReport {
    return fitContext(this, maxInputTokens, counter, options);
  }
}
