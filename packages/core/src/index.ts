// The entry for app authors. Provider authors: "@ffc/core/provider"; policy and plugin
// authors: "@ffc/core/plugin" (see ARCHITECTURE.md).
export type { GenerateOptions, RepairOptions, ResponseFormatOption } from "./call-options";
export {
  Context,
  type ContextEntry,
  type ContextEntryOptions,
  type HistoryEntry,
} from "./context";
export type { FitReport } from "./context-fit";
export type { TimeoutDefaults } from "./default-timeouts";
export type { ErrorClass, ErrorFilter, ErrorPredicate } from "./error-matcher";
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
export { type JsonSchemaOptions, jsonSchema } from "./json-schema";
export type { LLMConfig } from "./llm-config";
export { LLMManager, type LLMManagerOptions } from "./llm-manager";
export type { Logger } from "./logger";
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
export type { PartialObject } from "./partial-object";
export type { CallContext, GenerateNext, Plugin, Policy, PolicyStage, StreamNext } from "./policy";
export { type BuiltPrompt, buildPrompt, type PromptSources } from "./prompt-builder";
export { PromptTemplate, type PromptTemplateOptions, type RenderedTemplate } from "./prompt-template";
export type { LanguageProvider, ModelInfo } from "./provider";
export {
  type BuiltInProviderId,
  Provider,
  type ProviderFactory,
  type ProviderReference,
  type ProviderSettings,
  registerProvider,
  unregisterProvider,
} from "./provider-registry";
export type {
  JsonSchema,
  LanguageRequest,
  RequestMetadata,
  ResponseFormat,
  ToolChoice,
  ToolDefinition,
} from "./request";
export type {
  AttemptRecord,
  FinishReason,
  GenerateResult,
  GenerateResultFor,
  ProviderResult,
  StepResult,
  ToolCall,
} from "./result";
export type { SanitizeOptions, SanitizeReport } from "./sanitize";
export { Secret } from "./secret";
export {
  type InferSchemaOutput,
  type OutputSchema,
  type StandardSchemaV1,
  toJsonSchema,
} from "./standard-schema";
export type { StreamPart } from "./stream-part";
export type { StreamResponse } from "./stream-response";
export type { TemplateValues, TemplateVariables } from "./template-syntax";
export type { TokenCounter } from "./token-counter";
export { type AnyTool, type Tool, type ToolExecutionContext, type ToolOptions, tool } from "./tool";
export type { Usage } from "./usage";
export type { ProviderWarning } from "./warnings";
