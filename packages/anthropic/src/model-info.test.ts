import { describe, expect, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";
import { catalogModelInfo } from "./model-info";

describe("model info from the generated catalog", () => {
  it("gives the context window and output limit of a dated model id", () => {
    expect(catalogModelInfo("claude-3-7-sonnet-20250219")).toEqual({
      contextWindow: 200000,
      maxOutputTokens: 64000,
    });
    expect(catalogModelInfo("claude-opus-4-1-20250805")).toEqual({
      contextWindow: 200000,
      maxOutputTokens: 32000,
    });
  });

  it("matches an alias without a date, or with -latest, to the newest dated entry", () => {
    expect(catalogModelInfo("claude-3-5-haiku")).toEqual(catalogModelInfo("claude-3-5-haiku-20241022"));
    expect(catalogModelInfo("claude-3-5-sonnet-latest")).toEqual(
      catalogModelInfo("claude-3-5-sonnet-20241022"),
    );
  });

  it("gives undefined for a model the catalog does not know, rather than a guess", () => {
    expect(catalogModelInfo("claude-unknown-9")).toBeUndefined();
  });

  it("lets the models option add or override entries", () => {
    const provider = createAnthropic({
      apiKey: "k",
      models: { "claude-sonnet-4-6": { contextWindow: 1_000_000, maxOutputTokens: 64000 } },
    });
    expect(provider.modelInfo("claude-sonnet-4-6")).toEqual({
      contextWindow: 1_000_000,
      maxOutputTokens: 64000,
    });
    expect(provider.modelInfo("claude-3-haiku-20240307")).toEqual({
      contextWindow: 200000,
      maxOutputTokens: 4096,
    });
  });
});
