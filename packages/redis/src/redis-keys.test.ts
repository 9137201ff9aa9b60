import { describe, expect, it } from "vitest";
import { hashTagOf, isValidKeyPrefix, redisKey, redisKeyFamily } from "./redis-keys";

describe("redisKey", () => {
  it("puts kind and id in one hash tag shared by every part", () => {
    const keys = redisKeyFamily("ffc", "budget", "user:42|day:2026-01-01", ["spent", "reservations"]);
    expect(keys.spent).toBe("ffc:{budget:user:42|day:2026-01-01}:spent");
    expect(hashTagOf(keys.spent)).toBe(hashTagOf(keys.reservations));
  });

  it("escapes braces in the id so the tag is not cut short", () => {
    const key = redisKey("ffc", "budget", "a}b{c");
    expect(hashTagOf(key)).toBe("budget:a%7Db%7Bc");
  });

  it("accepts prefixes without braces only", () => {
    expect(isValidKeyPrefix("ffc")).toBe(true);
    expect(isValidKeyPrefix("ff{c")).toBe(false);
    expect(isValidKeyPrefix("")).toBe(false);
  });
});
