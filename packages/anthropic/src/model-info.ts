import type { ModelInfo } from "@ffc/core";
import { type ModelCatalogLookup, modelCatalogLookup } from "@ffc/core/provider";
import { anthropicModelCatalog } from "./model-catalog-data";

/** Anthropic's generated model catalog, with a provider's `models` option on top. */
export function anthropicModelCatalogLookup(overrides?: Record<string, ModelInfo>): ModelCatalogLookup {
  return modelCatalogLookup(anthropicModelCatalog, "createAnthropic", overrides);
}

const catalogOnly = anthropicModelCatalogLookup();

/**
 * Context window and output limit of an Anthropic model from FFC's generated catalog
 * (genai-prices, llm-zoo, models.dev). Dated ids match exactly or fall back to their family
 * ("claude-sonnet-4-6-20260101" to "claude-sonnet-4-6"), as does "-latest". Unknown models give
 * undefined rather than a guess.
 */
export function catalogModelInfo(model: string): ModelInfo | undefined {
  return catalogOnly.info(model);
}
