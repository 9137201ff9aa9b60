import { ConfigError, type GenerateResult, type LLMEvent, type Plugin, type Usage } from "@ffc/core";
import { checkOptions, option, type UsageStore, type UsageTotals } from "@ffc/core/plugin";
import { type PriceTable, priceTableOption, priceUsage, promptCacheSavings } from "@ffc/pricing";
import { UsageLedger, type UsageReport, type UsageTarget } from "./usage-ledger";
import type { AttemptEntry } from "./usage-summary";
import { formatUsageTable } from "./usage-table";

/** Options of a TokenTracker. */
export interface TokenTrackerOptions {
  /**
   * USD per million tokens by "provider:model" or model; they take precedence over @pydantic/genai-prices.
   * @default the @pydantic/genai-prices catalog only
   * @example { "openai:gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10 } }
   */
  prices?: PriceTable;
  /**
   * Also add every attempt to these shared totals (e.g. a RedisUsageStore shared by many
   * processes), under the keys "total", "provider:P", "model:P:M", "user:U", "tenant:T" and
   * "tag:G"; read them with `sharedUsage(key)`.
   */
  store?: UsageStore;
  /**
   * Called when the store fails; tracking is observation, so a failing store never fails a call.
   * @default none: store failures are dropped
   */
  onStoreError?: (error: unknown) => void;
}

const trackerRules = {
  prices: priceTableOption(),
  store: option.implementing<UsageStore>("a UsageStore", ["add", "get"], {
    example: "new RedisUsageStore({ redis })",
  }),
  onStoreError: option.callback<(error: unknown) => void>({ example: "(error) => console.warn(error)" }),
};

/**
 * Counts tokens and USD of every attempt that consumed tokens (retries, fallbacks, interrupted
 * streams; not only the last), overall and per session, by provider, model, tag, user and
 * tenant. Add it to an LLMManager's plugins; it also sets `result.costUsd`.
 */
export class TokenTracker implements Plugin {
  /** The plugin name. */
  readonly name = "token-tracker";
  readonly #prices: PriceTable | undefined;
  #overall = new UsageLedger();
  #current: { id: string; ledger: UsageLedger } | undefined;
  readonly #sessions = new Map<string, UsageLedger>();
  readonly #cacheHitCalls = new Set<string>();
  readonly #store: UsageStore | undefined;
  readonly #onStoreError: ((error: unknown) => void) | undefined;
  readonly #pendingStoreWrites = new Set<Promise<void>>();

  constructor(options: TokenTrackerOptions = {}) {
    const checked = checkOptions("TokenTracker", options, trackerRules, "{ prices: { ... } }");
    this.#prices = checked.prices;
    this.#store = checked.store;
    this.#onStoreError = checked.onStoreError;
  }

  /** Shared totals of a group key ("total", "provider:openai", "user:42" ...) from the store. */
  async sharedUsage(key = "total"): Promise<UsageTotals | undefined> {
    if (!this.#store) {
      throw new ConfigError(
        'TokenTracker.sharedUsage needs a "store" option, e.g. new RedisUsageStore({ redis }).',
      );
    }
    await this.flush();
    return this.#store.get(key);
  }

  /** Waits until every attempt seen so far has reached the store. */
  async flush(): Promise<void> {
    await Promise.all([...this.#pendingStoreWrites]);
  }

  /** Starts a session that counts every call from now until `endSession()`; returns its id. */
  // The global Web Crypto, not node:crypto: importing that costs ~5 ms of start-up.
  startSession(sessionId: string = crypto.randomUUID()): string {
    if (typeof sessionId !== "string" || sessionId === "") {
      throw new ConfigError("TokenTracker.startSession: the session id must be a non-empty string.");
    }
    if (this.#current) this.endSession();
    const ledger = this.#sessions.get(sessionId) ?? new UsageLedger(sessionId);
    this.#sessions.set(sessionId, ledger);
    this.#current = { id: sessionId, ledger };
    return sessionId;
  }

  /**
   * Usage of the current session, or of the session `sessionId` (one started here, or a
   * `metadata.sessionId` that calls carried). An empty report when nothing was counted.
   */
  getSessionUsage(sessionId?: string): UsageReport {
    const id = sessionId ?? this.#current?.id;
    const ledger = id === undefined ? undefined : this.#sessions.get(id);
    return (ledger ?? new UsageLedger(id)).report();
  }

  /** Ends the current session and returns its final usage. */
  endSession(): UsageReport {
    const current = this.#current;
    if (!current) return new UsageLedger().report();
    current.ledger.end();
    this.#current = undefined;
    return current.ledger.report();
  }

  /** Usage of everything this tracker has seen. */
  getTotalUsage(): UsageReport {
    return this.#overall.report();
  }

  /** Forgets all usage and sessions. */
  reset(): void {
    this.#overall = new UsageLedger();
    this.#sessions.clear();
    this.#current = undefined;
    this.#cacheHitCalls.clear();
  }

  /** The USD cost of a usage on a model, or null when no price is known. */
  priceOf(provider: string, model: string, usage: Usage): number | null {
    return priceUsage(this.#prices, provider, model, usage);
  }

  /** The total (or a session's) usage as a readable table. */
  formatTable(report: UsageReport = this.getTotalUsage()): string {
    return formatUsageTable(report);
  }

  /** The overall usage, for JSON.stringify. */
  toJSON(): UsageReport {
    return this.getTotalUsage();
  }

  onEvent(event: LLMEvent): void {
    switch (event.type) {
      case "attempt-end":
        this.#record(
          { metadata: event.metadata, provider: event.provider, model: event.model },
          event.usage,
          false,
        );
        break;
      case "attempt-error":
        if (event.usage)
          this.#record(
            { metadata: event.metadata, provider: event.provider, model: event.model },
            event.usage,
            event.estimated ?? false,
          );
        break;
      case "cache-hit":
        this.#cacheHitCalls.add(event.callId);
        this.#count(
          { metadata: event.metadata, provider: event.provider, model: event.model },
          "cacheHits",
          event.metadata?.sessionId,
        );
        break;
      case "call-end": {
        const target = {
          metadata: event.metadata,
          provider: event.result.provider,
          model: event.result.model,
        };
        if (event.result.cached && !this.#cacheHitCalls.has(event.callId))
          this.#count(target, "cacheHits", event.metadata?.sessionId);
        if (this.#cacheHitCalls.size > 0) this.#cacheHitCalls.delete(event.callId);
        this.#count(target, "calls", event.metadata?.sessionId);
        break;
      }
      case "call-error": {
        const last = event.attempts.at(-1);
        if (this.#cacheHitCalls.size > 0) this.#cacheHitCalls.delete(event.callId);
        this.#count(
          { metadata: event.metadata, provider: last?.provider, model: last?.model },
          "failedCalls",
          event.metadata?.sessionId,
        );
        break;
      }
    }
  }

  finalizeResult(result: GenerateResult): void {
    if (result.cached) {
      result.costUsd = 0;
      return;
    }
    let total = 0;
    for (const attempt of result.attempts) {
      if (!attempt.usage) continue;
      const cost = this.priceOf(attempt.provider, attempt.model, attempt.usage);
      if (cost === null) {
        result.costUsd = null;
        return;
      }
      total += cost;
    }
    result.costUsd = total;
  }

  #record(target: UsageTarget, usage: Usage, estimated: boolean): void {
    const entry: AttemptEntry = {
      usage,
      costUsd: this.priceOf(target.provider!, target.model!, usage),
      savingsUsd: promptCacheSavings(this.#prices, target.provider!, target.model!, usage),
      estimated,
    };
    const sessionId = target.metadata?.sessionId;
    this.#overall.addAttempt(target, entry);
    this.#current?.ledger.addAttempt(target, entry);
    this.#namedSession(sessionId)?.addAttempt(target, entry);
    if (this.#store) this.#share(target, usage, entry.costUsd);
  }

  #share(target: UsageTarget, usage: Usage, costUsd: number | null): void {
    const metadata = target.metadata;
    const keys = ["total", `provider:${target.provider}`, `model:${target.provider}:${target.model}`];
    if (metadata?.userId !== undefined) keys.push(`user:${metadata.userId}`);
    if (metadata?.tenantId !== undefined) keys.push(`tenant:${metadata.tenantId}`);
    for (const tag of metadata?.tags ?? []) keys.push(`tag:${tag}`);
    const write = this.#store!.add(keys, usage, costUsd).catch((error: unknown) =>
      this.#onStoreError?.(error),
    );
    this.#pendingStoreWrites.add(write);
    void write.finally(() => this.#pendingStoreWrites.delete(write));
  }

  #count(
    target: UsageTarget,
    field: "calls" | "failedCalls" | "cacheHits",
    sessionId: string | undefined,
  ): void {
    this.#overall.count(target, field);
    this.#current?.ledger.count(target, field);
    this.#namedSession(sessionId)?.count(target, field);
  }

  /**
   * The ledger of the session a call names in its metadata, when that is not the current one
   * (which counts the call already). Every event of every call passes here: no list is built.
   */
  #namedSession(sessionId: string | undefined): UsageLedger | undefined {
    if (sessionId === undefined || sessionId === this.#current?.id) return undefined;
    let named = this.#sessions.get(sessionId);
    if (!named) {
      named = new UsageLedger(sessionId);
      this.#sessions.set(sessionId, named);
    }
    return named;
  }
}
