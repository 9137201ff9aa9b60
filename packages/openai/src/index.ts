export { countOpenAITokens, imageTokenEstimate } from "./count-tokens";
export { openaiModelInfo } from "./model-info";
export type { OpenAIApi, OpenAIProviderOptions } from "./openai-options";
export { createOpenAI, createProvider, type OpenAIProvider, openai } from "./openai-provider";
