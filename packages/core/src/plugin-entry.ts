// "@ffc/core/plugin": the entry for policy and plugin authors. The policy contract and its
// stages, the options kit every constructor checks its options with, error matching, stream
// helpers, the store contracts and nano-USD amounts.
export { aroundStream, type StreamEnd } from "./around-stream";
export { abortErrorFor } from "./attempt";
export { type DerivedSignal, type DeriveSignalOptions, deadlineError, deriveSignal } from "./derived-signal";
export {
  type ErrorClass,
  type ErrorFilter,
  type ErrorPredicate,
  errorFilterOption,
  errorMatcher,
} from "./error-matcher";
export type { EmitEvent, LLMEvent, LLMEventMap, LLMEventType } from "./events";
export { ceilToNanoUsd, fromNanoUsd, nanoPerUsd, toNanoUsd } from "./nano-usd";
export { neverAbortedSignal } from "./never-aborted";
export * from "./options/index";
export {
  type CallContext,
  type GenerateNext,
  isPolicyStage,
  type Plugin,
  type Policy,
  type PolicyStage,
  policyStages,
  type StreamNext,
} from "./policy";
export type { LanguageProvider } from "./provider";
export { type ProviderReference, providerReferenceOption, resolveProvider } from "./provider-registry";
export type { LanguageRequest } from "./request";
export type { AttemptRecord, GenerateResult, ProviderResult } from "./result";
export { sleep } from "./sleep";
export * from "./stores/index";
export { StreamAccumulator } from "./stream-accumulator";
export type { StreamPart } from "./stream-part";
export { type PeekedStream, peekStream } from "./stream-utilities";
export { type StreamTap, tapStream } from "./tap-stream";
export { approximateTokenCounter, estimateMessageTokens } from "./token-counter";
export { uniqueId } from "./unique-id";
export { addUsage, emptyUsage, type Usage } from "./usage";
export type { WarnFunction } from "./warnings";
