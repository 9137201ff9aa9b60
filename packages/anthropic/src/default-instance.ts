import { type LanguageRequest, SPECIFICATION_VERSION, type StreamPart } from "@ffc/core";
import { type AnthropicProvider, createAnthropic } from "./anthropic-provider";
import { catalogModelInfo } from "./model-info";

let instance: AnthropicProvider | undefined;

/** Builds the shared provider at first use; a failure (no key yet) is not kept, so a later call may succeed. */
function shared(): AnthropicProvider {
  instance ??= createAnthropic();
  return instance;
}

/**
 * The default Anthropic provider. It reads ANTHROPIC_API_KEY at its first call, not at
 * import, so importing never throws; without a key that first call fails with a ConfigError.
 */
export const anthropic: AnthropicProvider = {
  specificationVersion: SPECIFICATION_VERSION,
  id: "anthropic",
  async generate(request: LanguageRequest) {
    return shared().generate(request);
  },
  async *stream(request: LanguageRequest): AsyncIterable<StreamPart> {
    yield* shared().stream(request);
  },
  async countTokens(request: LanguageRequest) {
    return shared().countTokens(request);
  },
  // Model limits come from the catalog and need no key.
  modelInfo: (model: string) => catalogModelInfo(model),
};
