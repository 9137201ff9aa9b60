export { abortErrorFor } from "./attempt";
export type { GenerateOptions, ResponseFormatOption } from "./call-options";
export {
  Context,
  type ContextEntry,
  type ContextEntryOptions,
  type HistoryEntry,
  SYSTEM_PROMPT_KEY,
} from "./context";
export type { FitReport } from "./context-fit";
export {
  defaultAttemptTimeoutMs,
  defaultStreamStallTimeoutMs,
  type TimeoutDefaults,
} from "./default-timeouts";
export { type ErrorClass, type ErrorPredicate, errorMatcher } from "./error-matcher";
export * from "./errors/index";
export type {
  EmitEvent,
  LLMEvent,
  LLMEventBase,
  LLMEventListener,
  LLMEventMap,
  LLMEventOf,
  LLMEventType,
  TargetReference,
} from "./events";
export { type LLMConfig, maxTimerMs, requestSettingRules, validateConfig } from "./llm-config";
export { LLMManager, type LLMManagerOptions } from "./llm-manager";
export type { Logger } from "./logger";
/** For provider authors. */
export {
  describeSchemaPath,
  isSchemaObject,
  type JsonSchemaNodeMapper,
  type JsonSchemaPath,
  mapJsonSchema,
  schemaTypes,
} from "./map-json-schema";
/** For provider authors. */
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
/** For provider authors. */
export { type KeepKeyword, moveToDescription } from "./move-to-description";
export { neverAbortedSignal } from "./never-aborted";
export * from "./options/index";
export { numberAtLeast, rejectUnknownKeys, wholeNumber } from "./plugin-option-checks";
export {
  type CallContext,
  composeGenerate,
  composeStream,
  type GenerateNext,
  orderPolicies,
  type Plugin,
  type Policy,
  type PolicyStage,
  policyStageOrder,
  type StreamNext,
} from "./policy";
export { type BuiltPrompt, buildPrompt, type PromptSources } from "./prompt-builder";
export { PromptTemplate, type PromptTemplateOptions, type RenderedTemplate } from "./prompt-template";
export { isLanguageProvider, type LanguageProvider, type ModelInfo, SPECIFICATION_VERSION } from "./provider";
export {
  assertProviderReference,
  type BuiltInProviderId,
  isKnownProviderId,
  Provider,
  type ProviderFactory,
  type ProviderReference,
  type ProviderSettings,
  packageForProvider,
  providerReferenceProblem,
  registerProvider,
  resolveProvider,
  unregisterProvider,
} from "./provider-registry";
export {
  finishWithRateLimitHeaders,
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
export type { AttemptRecord, FinishReason, GenerateResult, ProviderResult, ToolCall } from "./result";
export { type HeaderSource, retryAfterFromHeaders } from "./retry-after";
export { safeCause } from "./safe-cause";
export {
  fenceUntrusted,
  type SanitizeOptions,
  type SanitizeReport,
  sanitizeValue,
  valueToText,
} from "./sanitize";
export { redactSecrets, Secret } from "./secret";
export { type HeaderValues, isCredentialHeader, secretList } from "./secret-list";
/** For provider authors. */
export { separateReference } from "./separate-reference";
export { sleep } from "./sleep";
export { isStandardSchema, type StandardSchemaV1, toJsonSchema } from "./standard-schema";
export * from "./stores/index";
export { StreamAccumulator } from "./stream-accumulator";
export type { StreamPart } from "./stream-part";
export { StreamResponse } from "./stream-response";
export { type PeekedStream, peekStream } from "./stream-utilities";
export {
  parseTemplate,
  type TemplateSegment,
  type TemplateValues,
  type TemplateVariables,
} from "./template-syntax";
export { approximateTokenCounter, estimateMessageTokens, type TokenCounter } from "./token-counter";
export { addUsage, emptyUsage, type Usage } from "./usage";
export { type ProviderWarning, resetReportedWarnings, type WarnFunction } from "./warnings";
