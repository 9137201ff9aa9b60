import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addUsage, emptyUsage, type Usage } from "./usage";

const usageArbitrary = fc.record(
  {
    inputTokens: fc.nat(1_000_000),
    outputTokens: fc.nat(1_000_000),
    totalTokens: fc.nat(2_000_000),
    cacheReadTokens: fc.nat(1_000_000),
    reasoningTokens: fc.nat(1_000_000),
  },
  { requiredKeys: ["inputTokens", "outputTokens", "totalTokens"] },
) as fc.Arbitrary<Usage>;

describe("usage arithmetic", () => {
  it("is commutative and associative, with empty usage as identity (property)", () => {
    fc.assert(
      fc.property(usageArbitrary, usageArbitrary, usageArbitrary, (a, b, c) => {
        expect(addUsage(a, b)).toEqual(addUsage(b, a));
        expect(addUsage(addUsage(a, b), c)).toEqual(addUsage(a, addUsage(b, c)));
        expect(addUsage(a, emptyUsage())).toEqual(a);
      }),
    );
  });

  it("keeps a breakdown only when a side has it", () => {
    expect(addUsage(emptyUsage(), emptyUsage())).toEqual(emptyUsage());
    expect(addUsage({ ...emptyUsage(), cacheReadTokens: 5 }, emptyUsage()).cacheReadTokens).toBe(5);
  });
});
