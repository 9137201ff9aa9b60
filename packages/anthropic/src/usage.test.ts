import { describe, expect, it } from "vitest";
import { mergeWireUsage, normalizeUsage } from "./usage";

describe("normalizeUsage", () => {
  it("adds cache reads and writes back into input, as FFC counts input", () => {
    expect(
      normalizeUsage({
        input_tokens: 3,
        cache_read_input_tokens: 1111,
        cache_creation_input_tokens: 418,
        output_tokens: 33,
      }),
    ).toEqual({
      inputTokens: 1532,
      outputTokens: 33,
      totalTokens: 1565,
      cacheReadTokens: 1111,
      cacheWriteTokens: 418,
    });
  });

  it("breaks thinking tokens out of output without adding them again", () => {
    expect(
      normalizeUsage({
        input_tokens: 51,
        output_tokens: 1699,
        output_tokens_details: { thinking_tokens: 139 },
      }),
    ).toEqual({
      inputTokens: 51,
      outputTokens: 1699,
      totalTokens: 1750,
      reasoningTokens: 139,
    });
  });

  it("leaves the cache breakdown out when the vendor did not report it", () => {
    expect(normalizeUsage({ input_tokens: 11, output_tokens: 6 })).toEqual({
      inputTokens: 11,
      outputTokens: 6,
      totalTokens: 17,
    });
  });
});

describe("mergeWireUsage", () => {
  it("takes each number the message_delta carries and keeps message_start's for the rest", () => {
    const start = { input_tokens: 43, cache_read_input_tokens: 7, output_tokens: 1 };
    expect(
      mergeWireUsage(start, { input_tokens: 61, output_tokens: 2, cache_read_input_tokens: null }),
    ).toEqual({
      input_tokens: 61,
      cache_read_input_tokens: 7,
      output_tokens: 2,
    });
    expect(mergeWireUsage(start, { output_tokens: 6 })).toEqual({ ...start, output_tokens: 6 });
  });
});
