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
    for (const summary of this.#summaries(target)) addAttempt(summary, entry);
  }

  /** Counts a finished call, a failed call or a cache hit. */
  count(target: UsageTarget, field: "calls" | "failedCalls" | "cacheHits"): void {
    for (const summary of this.#summaries(target)) summary[field] += 1;
  }

  /** Marks the session as ended. */
  end(): void {
    this.#report.endedAt = new Date().toISOString();
  }

  /** A deep copy of the report, safe to keep or serialize. */
  report(): UsageReport {
    return structuredClone(this.#report);
  }

  #summaries(target: UsageTarget): UsageSummary[] {
    const summaries = [this.#report as UsageSummary];
    this.#add(summaries, "byProvider", target.provider);
    if (target.provider !== undefined && target.model !== undefined)
      this.#add(summaries, "byModel", `${target.provider}:${target.model}`);
    const metadata = target.metadata;
    if (metadata) {
      const tags = metadata.tags;
      if (tags && tags.length > 0)
        for (const tag of tags.length === 1 ? tags : new Set(tags)) this.#add(summaries, "byTag", tag);
      this.#add(summaries, "byUser", metadata.userId);
      this.#add(summaries, "byTenant", metadata.tenantId);
    }
    return summaries;
  }

  #add(summaries: UsageSummary[], group: Group, key: string | undefined): void {
    if (key === undefined || key === "") return;
    let summary = this.#report[group][key];
    if (!summary) {
      summary = emptySummary();
      this.#report[group][key] = summary;
    }
    summaries.push(summary);
  }
}
