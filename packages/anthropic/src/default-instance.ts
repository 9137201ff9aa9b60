import { lazyProvider } from "@ffc/core/provider";
import { type AnthropicProvider, createAnthropic } from "./anthropic-provider";
import { catalogModelInfo } from "./model-info";

/**
 * The default Anthropic provider. It reads ANTHROPIC_API_KEY at its first call, not at
 * import, so importing never throws; without a key that first call fails with a ConfigError.
 */
export const anthropic: AnthropicProvider = lazyProvider<AnthropicProvider>({
  id: "anthropic",
  create: () => createAnthropic(),
  // Model limits come from the catalog and need no key.
  modelInfo: (model) => catalogModelInfo(model),
});
