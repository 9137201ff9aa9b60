import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { FFCError, isErrorKind, RateLimitError, TemporaryError } from "../errors/index";

describe("util.inspect(error) shows no internal flags (issue 10, finding 10)", () => {
  it("the Symbol(ffc.error.*) kind marks are not listed, yet still recognised", () => {
    const error = new RateLimitError("slow down", { provider: "openai", retryAfterMs: 1000 });
    expect(inspect(error)).not.toContain("Symbol(ffc.error");
    expect(
      Object.getOwnPropertySymbols(error).every(
        (symbol) => !Object.getOwnPropertyDescriptor(error, symbol)!.enumerable,
      ),
    ).toBe(true);
    expect(FFCError.isInstance(error)).toBe(true);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(isErrorKind(error, "FFCError")).toBe(true);
    expect(TemporaryError.isInstance(error)).toBe(false);
  });
});
