/** How long a budget lasts before it starts again from zero. */
export type BudgetPeriod = "hour" | "day" | "week" | "month" | "total";

/** Every accepted period, for validation messages. */
export const budgetPeriods: readonly BudgetPeriod[] = ["hour", "day", "week", "month", "total"];

/** One concrete window of a period, e.g. the day 2026-01-31 in Europe/Paris. */
export interface PeriodWindow {
  /** A stable id of the window, part of the store key, e.g. "day:2026-01-31". */
  id: string;
  /** How long the store should keep the window's data, in ms (0: forever). */
  keepForMs: number;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
// The window's data is kept a little past its end, so `status()` just after midnight still works.
const keepFor: Record<BudgetPeriod, number> = {
  hour: 2 * hourMs,
  day: 2 * dayMs,
  week: 8 * dayMs,
  month: 32 * dayMs,
  total: 0,
};

/**
 * The default time zone, computed with Date's UTC methods instead of Intl: the first
 * Intl.DateTimeFormat of a process loads ICU's time zone and calendar data, about 8 MiB of RSS
 * (more than the rest of the full stack leaves after 2,000 calls).
 */
const utc = "UTC";

/** True when Intl knows `timeZone` as a time zone name, e.g. "Europe/Paris". */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone === utc) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const minuteMs = 60_000;
const recentWindows = new Map<string, { minute: number; window: PeriodWindow }>();

/**
 * The window of `period` that contains `now`, with calendar boundaries in `timeZone`.
 * Every call asks for it, and Intl formatting is the dearest step of a budget check, so the
 * answer is kept for the rest of the minute: time zone offsets are whole minutes, so no
 * window boundary can fall inside a UTC minute.
 */
export function periodWindow(period: BudgetPeriod, now: number, timeZone: string): PeriodWindow {
  const minute = Math.floor(now / minuteMs);
  const cacheKey = `${period}|${timeZone}`;
  const recent = recentWindows.get(cacheKey);
  if (recent?.minute === minute) return recent.window;
  const window = computeWindow(period, now, timeZone);
  recentWindows.set(cacheKey, { minute, window });
  return window;
}

function computeWindow(period: BudgetPeriod, now: number, timeZone: string): PeriodWindow {
  if (period === "total") return { id: "total", keepForMs: 0 };
  const local = localParts(now, timeZone);
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  const keepForMs = keepFor[period];
  switch (period) {
    case "hour":
      return { id: `hour:${date}T${pad(local.hour)}`, keepForMs };
    case "day":
      return { id: `day:${date}`, keepForMs };
    case "month":
      return { id: `month:${local.year}-${pad(local.month)}`, keepForMs };
    case "week": {
      // Weeks start on Monday (ISO 8601); the id is the date of that Monday.
      const civil = Date.UTC(local.year, local.month - 1, local.day);
      const weekday = (new Date(civil).getUTCDay() + 6) % 7;
      const monday = new Date(civil - weekday * dayMs);
      return { id: `week:${monday.toISOString().slice(0, 10)}`, keepForMs };
    }
  }
}

function localParts(
  now: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number } {
  if (timeZone === utc) {
    const date = new Date(now);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
    };
  }
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(now))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! };
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
