import type { RequestMetadata } from "@ffc/core";
import { type AttemptEntry, addAttempt, emptySummary, type UsageSummary } from "./usage-summary";

/** Usage of a session or of everything, in total and by provider, model, tag, user and tenant. */
export interface UsageReport extends UsageSummary {
  /** The session id, for a session's report. */
  sessionId?: string;
  /** When counting started (ISO 8601). */
  startedAt: string;
  /** When the session ended (ISO 8601), for an ended session. */
  endedAt?: string;
  /** By provider id. */
  byProvider: Record<string, UsageSummary>;
  /** By "provider:model". */
  byModel: Record<string, UsageSummary>;
  /** By tag (a call with several tags counts under each). */
  byTag: Record<string, UsageSummary>;
  /** By metadata.userId. */
  byUser: Record<string, UsageSummary>;
  /** By metadata.tenantId. */
  byTenant: Record<string, UsageSummary>;
}

/** What one event contributes to, before it is priced. */
export interface UsageTarget {
  provider?: string;
  model?: string;
  metadata?: RequestMetadata;
}

type Group = "byProvider" | "byModel" | "byTag" | "byUser" | "byTenant";

/** Accumulates usage for one report. */
export class UsageLedger {
  readonly #report: UsageReport;

  constructor(sessionId?: string) {
    this.#report = {
      ...emptySummary(),
      ...(sessionId === undefined ? {} : { sessionId }),
      startedAt: new Date().toISOString(),
      byProvider: {},
      byModel: {},
      byTag: {},
      byUser: {},
      byTenant: {},
    };
  }

  /** Adds an attempt that consumed tokens. */
  addAttempt(target: UsageTarget, entry: AttemptEntry): void {
    this.#visit(target, addAttempt, entry);
  }

  /** Counts a finished call, a failed call or a cache hit. */
  count(target: UsageTarget, field: "calls" | "failedCalls" | "cacheHits"): void {
    this.#visit(target, countIn, field);
  }

  /** Marks the session as ended. */
  end(): void {
    this.#report.endedAt = new Date().toISOString();
  }

  /** A deep copy of the report, safe to keep or serialize. */
  report(): UsageReport {
    return structuredClone(this.#report);
  }

  /**
   * Applies `change` to every summary the target counts in: the total, its provider, model, tags,
   * user and tenant. It runs for every event of every call, so it builds no list of summaries.
   */
  #visit<Argument>(
    target: UsageTarget,
    change: (summary: UsageSummary, argument: Argument) => void,
    argument: Argument,
  ): void {
    change(this.#report, argument);
    const provider = target.provider;
    if (provider !== undefined) {
      if (provider !== "") change(this.#summary("byProvider", provider), argument);
      if (target.model !== undefined)
        change(this.#summary("byModel", `${provider}:${target.model}`), argument);
    }
    const metadata = target.metadata;
    if (!metadata) return;
    const tags = metadata.tags;
    if (tags && tags.length > 0)
      for (const tag of tags.length === 1 ? tags : new Set(tags))
        if (tag !== "") change(this.#summary("byTag", tag), argument);
    if (metadata.userId !== undefined && metadata.userId !== "")
      change(this.#summary("byUser", metadata.userId), argument);
    if (metadata.tenantId !== undefined && metadata.tenantId !== "")
      change(this.#summary("byTenant", metadata.tenantId), argument);
  }

  #summary(group: Group, key: string): UsageSummary {
    const summaries = this.#report[group];
    // Own keys only: a tag or user id such as "__proto__" is a key like any other.
    let summary = Object.hasOwn(summaries, key) ? summaries[key] : undefined;
    if (!summary) {
      summary = emptySummary();
      Object.defineProperty(summaries, key, {
        value: summary,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return summary;
  }
}

function countIn(summary: UsageSummary, field: "calls" | "failedCalls" | "cacheHits"): void {
  summary[field] += 1;
}
