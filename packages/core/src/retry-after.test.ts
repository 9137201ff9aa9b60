import { describe, expect, it } from "vitest";
import { retryAfterFromHeaders as retryAfterMs } from "./retry-after";

const now = Date.parse("2030-06-01T12:00:00Z");

describe("retryAfterFromHeaders", () => {
  it("reads retry-after-ms as milliseconds, fractions rounded", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "1234.6" }), now)).toBe(1235);
  });

  it("reads retry-after as whole or fractional seconds", () => {
    expect(retryAfterMs({ "retry-after": "55" }, now)).toBe(55_000);
    expect(retryAfterMs({ "retry-after": "1.5" }, now)).toBe(1500);
  });

  it("reads retry-after as an HTTP date relative to now, and a past date as 0", () => {
    expect(retryAfterMs({ "retry-after": "Sat, 01 Jun 2030 12:00:42 GMT" }, now)).toBe(42_000);
    expect(retryAfterMs({ "retry-after": "Sat, 01 Jun 2030 11:00:00 GMT" }, now)).toBe(0);
  });

  it("prefers retry-after-ms and ignores negative or unreadable values", () => {
    expect(retryAfterMs({ "retry-after-ms": "10", "retry-after": "9" }, now)).toBe(10);
    expect(retryAfterMs({ "retry-after-ms": "-5", "retry-after": "2" }, now)).toBe(2000);
    expect(retryAfterMs({ "retry-after": "soon" }, now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
