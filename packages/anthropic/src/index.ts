export { type AnthropicProviderOptions, apiKeyVariable } from "./anthropic-options";
export {
  type AnthropicProvider,
  createAnthropic,
  createProvider,
  defaultMaxTokens,
} from "./anthropic-provider";
export { anthropic } from "./default-instance";
export { AnthropicErrorCause } from "./error-mapping";
export { jsonInstruction } from "./request-mapping";
