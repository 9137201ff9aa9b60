import { describe, expect, it } from "vitest";
import { parseDuration, retryAfterFromHeaders, retryAfterMs } from "./retry-after";

describe("retry hints", () => {
  it("parses protobuf Durations as JSON strings and as objects", () => {
    expect(parseDuration("34.4s")).toBe(34_400);
    expect(parseDuration("2s")).toBe(2000);
    expect(parseDuration({ seconds: "3", nanos: 500_000_000 })).toBe(3500);
    expect(parseDuration("soon")).toBeUndefined();
  });

  it("reads retry-after-ms before retry-after", () => {
    expect(retryAfterFromHeaders(new Headers({ "retry-after-ms": "250.6", "retry-after": "9" }))).toBe(251);
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "9" }))).toBe(9000);
  });

  it("reads an HTTP-date retry-after relative to now, never negative", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "Sun, 01 Mar 2026 12:01:00 GMT" }), now)).toBe(
      60_000,
    );
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "Sun, 01 Mar 2026 11:00:00 GMT" }), now)).toBe(
      0,
    );
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "whenever" }), now)).toBeUndefined();
  });

  it("prefers the body's RetryInfo over headers", () => {
    const details = [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "1.5s" }];
    expect(retryAfterMs(details, new Headers({ "retry-after": "30" }))).toBe(1500);
    expect(retryAfterMs([], new Headers({ "retry-after": "30" }))).toBe(30_000);
    expect(retryAfterMs([], undefined)).toBeUndefined();
  });
});
