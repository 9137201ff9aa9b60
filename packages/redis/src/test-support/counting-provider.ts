import type { LanguageProvider, ProviderResult } from "@ffc/core";
import { SPECIFICATION_VERSION } from "@ffc/core/provider";

/** A provider for budget tests: counts `inputTokens` for any prompt and answers after `delayMs`. */
export function countingProvider(options: {
  inputTokens: number;
  outputTokens: number;
  delayMs: () => number;
}) {
  let calls = 0;
  const provider: LanguageProvider & { readonly calls: number } = {
    specificationVersion: SPECIFICATION_VERSION,
    id: "mock",
    get calls() {
      return calls;
    },
    countTokens: async () => options.inputTokens,
    async generate(request): Promise<ProviderResult> {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs()));
      const usage = {
        inputTokens: options.inputTokens,
        outputTokens: options.outputTokens,
        totalTokens: options.inputTokens + options.outputTokens,
      };
      return {
        text: "ok",
        content: [{ type: "text", text: "ok" }],
        toolCalls: [],
        finishReason: "stop",
        usage,
        model: request.model,
      };
    },
    stream() {
      throw new Error("This test provider only generates.");
    },
  };
  return provider;
}
