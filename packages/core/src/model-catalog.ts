import type { ModelInfo } from "./provider";
import type { ProviderWarning } from "./warnings";

/**
 * Context window and maximum output tokens by model id, 0 where unknown: the shape of the
 * small per-vendor catalogs generated from maintained sources (scripts/generate-model-catalog.mjs).
 */
export type ModelCatalog = Readonly<
  Record<string, readonly [contextWindow: number, maxOutputTokens: number]>
>;

/** What a provider needs from its catalog: limits of a model, and a warning when it knows none. */
export interface ModelCatalogLookup {
  /** Limits of a model: the `models` option first, then the catalog; undefined when neither knows it. */
  info(model: string): ModelInfo | undefined;
  /** A `model-unknown` warning for a model neither knows, to hand back with the result; else undefined. */
  warnings(model: string): ProviderWarning[] | undefined;
}

// Suffixes a vendor adds to a model family's id: "-latest", a date ("-2024-08-06", "-20250514")
// or a version ("-001"). Tried in turn when the exact id is not in the catalog.
const variantSuffixes = [/-latest$/, /-\d{4}-\d{2}-\d{2}$/, /-\d{8}$/, /-\d{3}$/];

/**
 * Looks models up in a generated catalog, with `overrides` (the provider's `models` option)
 * winning. Accepts "models/<id>" (Gemini's resource names) and the variant suffixes above.
 *
 * @param factory The factory whose `models` option fills gaps, named in the warning, e.g. "createOpenAI".
 */
export function modelCatalogLookup(
  catalog: ModelCatalog,
  factory: string,
  overrides?: Record<string, ModelInfo>,
): ModelCatalogLookup {
  const info = (model: string): ModelInfo | undefined => {
    const override = overrides?.[model];
    if (override) return override;
    const id = model.replace(/^models\//, "");
    const entry =
      catalog[id] ??
      variantSuffixes.map((suffix) => catalog[id.replace(suffix, "")]).find((found) => found !== undefined);
    if (!entry) return undefined;
    const [contextWindow, maxOutputTokens] = entry;
    const found: ModelInfo = {};
    if (contextWindow > 0) found.contextWindow = contextWindow;
    if (maxOutputTokens > 0) found.maxOutputTokens = maxOutputTokens;
    return found;
  };
  return {
    info,
    warnings(model) {
      if (info(model) !== undefined) return undefined;
      return [
        {
          code: "model-unknown",
          message: `The model catalog does not know "${model}": context fitting, the context-length fallback and budget output reservations skip its limits. Pass them with ${factory}({ models: { "${model}": { contextWindow, maxOutputTokens } } }).`,
        },
      ];
    },
  };
}
