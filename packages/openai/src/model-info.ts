import type { ModelInfo } from "@ffc/core";
import { type ModelCatalogLookup, modelCatalogLookup } from "@ffc/core/provider";
import { openaiModelCatalog } from "./model-catalog-data";

/** OpenAI's generated model catalog, with a provider's `models` option on top. */
export function openaiModelCatalogLookup(overrides?: Record<string, ModelInfo>): ModelCatalogLookup {
  return modelCatalogLookup(openaiModelCatalog, "createOpenAI", overrides);
}

const catalogOnly = openaiModelCatalogLookup();

/**
 * Context window and output limit of an OpenAI model, from FFC's generated catalog
 * (genai-prices, gpt-tokenizer, llm-zoo). Dated snapshots ("gpt-4o-2024-08-06") fall back to
 * their family ("gpt-4o"); `overrides` (the `models` option) win, for local or fine-tuned models.
 */
export function openaiModelInfo(model: string, overrides?: Record<string, ModelInfo>): ModelInfo | undefined {
  return overrides ? openaiModelCatalogLookup(overrides).info(model) : catalogOnly.info(model);
}
