import { describe, expect, it } from "vitest";
import { type ModelCatalog, modelCatalogLookup } from "./model-catalog";

const catalog: ModelCatalog = {
  "gpt-5.4": [1_050_000, 128_000],
  "claude-sonnet-4-6": [1_000_000, 64_000],
  "gemini-2.5-pro": [1_048_576, 65_536],
  "window-only": [32_768, 0],
};

describe("modelCatalogLookup", () => {
  const lookup = modelCatalogLookup(catalog, "createTest");

  it("gives both limits of a model in the catalog", () => {
    expect(lookup.info("gpt-5.4")).toEqual({ contextWindow: 1_050_000, maxOutputTokens: 128_000 });
  });

  it("leaves out a limit the sources do not give", () => {
    expect(lookup.info("window-only")).toEqual({ contextWindow: 32_768 });
  });

  it("matches dated snapshots, -latest, pinned versions and models/ names to their family", () => {
    expect(lookup.info("gpt-5.4-2026-03-05")).toEqual(lookup.info("gpt-5.4"));
    expect(lookup.info("claude-sonnet-4-6-20260217")).toEqual(lookup.info("claude-sonnet-4-6"));
    expect(lookup.info("claude-sonnet-4-6-latest")).toEqual(lookup.info("claude-sonnet-4-6"));
    expect(lookup.info("models/gemini-2.5-pro-002")).toEqual(lookup.info("gemini-2.5-pro"));
  });

  it("gives undefined and a model-unknown warning naming the option for a model it does not know", () => {
    expect(lookup.info("my-local-model")).toBeUndefined();
    expect(lookup.warnings("my-local-model")).toEqual([
      {
        code: "model-unknown",
        message: expect.stringContaining(
          'createTest({ models: { "my-local-model": { contextWindow, maxOutputTokens } } })',
        ),
      },
    ]);
    expect(lookup.warnings("gpt-5.4")).toBeUndefined();
  });

  it("lets overrides win over the catalog and add models to it", () => {
    const overridden = modelCatalogLookup(catalog, "createTest", {
      "gpt-5.4": { contextWindow: 272_000 },
      "my-local-model": { contextWindow: 8_192, maxOutputTokens: 2_048 },
    });
    expect(overridden.info("gpt-5.4")).toEqual({ contextWindow: 272_000 });
    expect(overridden.info("my-local-model")).toEqual({ contextWindow: 8_192, maxOutputTokens: 2_048 });
    expect(overridden.warnings("my-local-model")).toBeUndefined();
  });
});
