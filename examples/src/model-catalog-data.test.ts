import { describe, expect, it } from "vitest";
import { anthropicModelCatalog } from "../../packages/anthropic/src/model-catalog-data";
import { googleModelCatalog } from "../../packages/google/src/model-catalog-data";
import { openaiModelCatalog } from "../../packages/openai/src/model-catalog-data";
// @ts-expect-error: a plain JavaScript script without type declarations.
import { buildCatalog } from "../../scripts/generate-model-catalog.mjs";

// The providers ship generated catalogs; this fails when the installed sources (genai-prices,
// gpt-tokenizer, models.dev, llm-zoo) give other figures, so the files cannot go stale silently.
// Fix: node scripts/generate-model-catalog.mjs
describe("the generated model catalogs", () => {
  const shipped = {
    openai: openaiModelCatalog,
    anthropic: anthropicModelCatalog,
    google: googleModelCatalog,
  };
  for (const [vendor, catalog] of Object.entries(shipped)) {
    it(`of ${vendor} match what the installed sources give`, () => {
      expect(catalog).toEqual(buildCatalog(vendor));
    });
  }

  it("know the windows and output limits of current models", () => {
    expect(anthropicModelCatalog["claude-sonnet-4-6"]).toEqual([1_000_000, 64_000]);
    expect(openaiModelCatalog["gpt-5.4"]).toEqual([1_050_000, 128_000]);
    expect(googleModelCatalog["gemini-2.5-pro"]).toEqual([1_048_576, 65_536]);
  });
});
