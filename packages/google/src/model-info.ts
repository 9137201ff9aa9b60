import type { ModelInfo } from "@ffc/core";
import { type ModelCatalogLookup, modelCatalogLookup } from "@ffc/core/provider";
import { googleModelCatalog } from "./model-catalog-data";

/** Google's generated model catalog, with a provider's `models` option on top. */
export function googleModelCatalogLookup(overrides?: Record<string, ModelInfo>): ModelCatalogLookup {
  return modelCatalogLookup(googleModelCatalog, "createGoogle", overrides);
}

const catalogOnly = googleModelCatalogLookup();

/**
 * Context window and output limit of a Gemini model, from FFC's generated catalog
 * (genai-prices, llm-zoo, models.dev). Accepts "models/<id>" and pinned versions
 * ("gemini-1.5-pro-002"); returns undefined for a model the catalog does not know.
 */
export function googleModelInfo(model: string): ModelInfo | undefined {
  return catalogOnly.info(model);
}
