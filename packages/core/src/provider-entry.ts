// "@ffc/core/provider": the entry for provider authors. The provider contract (the spec types
// and SPECIFICATION_VERSION) and the plumbing every provider needs, written once: signals and
// deadlines, network-error classification, rate-limit headers, retry-after, secret-safe causes,
// an SSE parser for providers without a vendor SDK, `createProvider` and the lazy default instance.
export { abortErrorFor } from "./attempt";
export { type DerivedSignal, type DeriveSignalOptions, deadlineError, deriveSignal } from "./derived-signal";
export { maxTimerMs } from "./llm-config";
// The JSON Schema walker and the transforms vendors' structured-output dialects need.
export {
  describeSchemaPath,
  isSchemaObject,
  type JsonSchemaNodeMapper,
  type JsonSchemaPath,
  mapJsonSchema,
  schemaTypes,
} from "./map-json-schema";
export { mergeObjectIntersection } from "./merge-object-intersection";
export type {
  AssistantMessage,
  ContentPart,
  ImagePart,
  Message,
  ReasoningPart,
  SystemMessage,
  TextPart,
  ToolCallPart,
  ToolMessage,
  ToolResultPart,
  UserMessage,
} from "./message";
export { type ModelCatalog, type ModelCatalogLookup, modelCatalogLookup } from "./model-catalog";
export { type KeepKeyword, moveToDescription } from "./move-to-description";
export { causeChain, isNetworkFailure, networkErrorCodes, networkFailureDetail } from "./network-failure";
export { neverAbortedSignal } from "./never-aborted";
export { checkOptions, optionsError } from "./options/check-options";
export { type OptionRule, type OptionShape, option } from "./options/option-rule";
export { isLanguageProvider, type LanguageProvider, type ModelInfo, SPECIFICATION_VERSION } from "./provider";
export {
  type LazyProviderSettings,
  lazyProvider,
  modelInfoOption,
  type ProviderConnectionOptions,
  providerFactory,
} from "./provider-plumbing";
export type { ProviderFactory, ProviderSettings } from "./provider-registry";
export {
  type HeaderList,
  pickRateLimitHeaders,
  withRateLimitHeaders,
} from "./rate-limit-headers";
export { redactError } from "./redact-error";
export type {
  JsonSchema,
  LanguageRequest,
  RequestMetadata,
  ResponseFormat,
  ToolChoice,
  ToolDefinition,
} from "./request";
export type { FinishReason, ProviderResult, ToolCall } from "./result";
export { type HeaderSource, retryAfterFromHeaders } from "./retry-after";
export { safeCause } from "./safe-cause";
export { redactSecrets } from "./secret";
export { type HeaderValues, isCredentialHeader, secretList } from "./secret-list";
export { separateReference } from "./separate-reference";
export {
  parseServerSentEvents,
  type ServerSentEvent,
  ServerSentEventDecoder,
  serverSentEventBatches,
} from "./server-sent-events";
export { StreamAccumulator } from "./stream-accumulator";
export type { StreamPart } from "./stream-part";
export { approximateTokenCounter, estimateMessageTokens, type TokenCounter } from "./token-counter";
export { addUsage, emptyUsage, type Usage } from "./usage";
export type { ProviderWarning } from "./warnings";
export { type FinishPart, finishPartWith, withWarnings } from "./with-warnings";
