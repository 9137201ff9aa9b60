import { configErrorOf } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { MemoryCacheStore } from "./memory-cache-store";
import { ResponseCache } from "./response-cache";

describe("ResponseCache options", () => {
  it("refuses an unknown option, naming it in error.field", () => {
    const error = configErrorOf(() => new ResponseCache({ ttl: 1000 } as never));
    expect(error.field).toBe("ttl");
    expect(error.message).toBe(
      'Invalid ResponseCache options: "ttl" is not an option (did you mean "ttlMs"?).',
    );
  });

  it("names every bad option, finish reasons by index", () => {
    const error = configErrorOf(
      () => new ResponseCache({ ttlMs: 0, cacheFinishReasons: ["stop", "done"] } as never),
    );
    expect(error.problems.map((problem) => problem.field)).toEqual(["ttlMs", "cacheFinishReasons[1]"]);
  });

  it("refuses maxEntries beside a store of one's own", () => {
    expect(
      configErrorOf(() => new ResponseCache({ store: new MemoryCacheStore(), maxEntries: 5 })).field,
    ).toBe("maxEntries");
  });

  it("refuses an unknown or bad option of the memory store", () => {
    expect(configErrorOf(() => new MemoryCacheStore({ maxEntry: 5 } as never)).field).toBe("maxEntry");
    expect(configErrorOf(() => new MemoryCacheStore({ maxEntries: 0 })).message).toBe(
      'Invalid MemoryCacheStore options: "maxEntries" must be a whole number at least 1, got 0.',
    );
  });
});
