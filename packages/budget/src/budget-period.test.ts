import { afterEach, describe, expect, it, vi } from "vitest";
import { type BudgetPeriod, isTimeZone, periodWindow } from "./budget-period";

const periods: BudgetPeriod[] = ["hour", "day", "week", "month", "total"];
// Around midnight, month and year ends, a leap day and a Monday, each in its own minute.
const instants = [
  "2026-01-31T23:59:30Z",
  "2026-02-01T00:00:30Z",
  "2028-02-29T12:34:56Z",
  "2026-12-31T23:59:59Z",
  "2027-01-01T00:00:00Z",
  "2026-03-30T00:00:01Z",
].map((text) => Date.parse(text));

describe("periodWindow in UTC", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("gives the windows Intl gives for the same zone", () => {
    for (const now of instants) {
      for (const period of periods) {
        // "Etc/UTC" is the same zone under another name, so it goes through Intl.
        expect(periodWindow(period, now, "UTC")).toEqual(periodWindow(period, now, "Etc/UTC"));
      }
    }
  });

  it("needs no Intl.DateTimeFormat, whose first use costs about 8 MiB of ICU data", () => {
    const formatter = vi.spyOn(Intl, "DateTimeFormat");
    expect(isTimeZone("UTC")).toBe(true);
    for (const period of periods) periodWindow(period, Date.parse("2026-05-05T05:05:05Z"), "UTC");
    expect(formatter).not.toHaveBeenCalled();
  });
});
