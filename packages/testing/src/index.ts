export { configErrorOf } from "./assertions/config-error-of";
export { breakerStoreConformanceChecks, closedBreakerState } from "./conformance/breaker-store-conformance";
export { budgetStoreConformanceChecks } from "./conformance/budget-store-conformance";
export { cacheStoreConformanceChecks } from "./conformance/cache-store-conformance";
export type { CheckKey, ConformanceCheck, StoreFactory } from "./conformance/conformance-check";
export { conformanceApiKey, providerConformanceChecks } from "./conformance/provider-conformance";
export { rateLimitStoreConformanceChecks } from "./conformance/rate-limit-store-conformance";
export {
  type ConformanceBudget,
  type StructuredOutputTarget,
  structuredOutputChecks,
} from "./conformance/structured-output-conformance";
export { usageStoreConformanceChecks } from "./conformance/usage-store-conformance";
export {
  type ConformanceTarget,
  parseSentOutput,
  type ScriptedErrorKind,
  type ScriptedUsage,
  type SentToolResult,
  type WireAdapter,
} from "./conformance/wire-adapter";
export {
  type AnthropicErrorKind,
  type AnthropicErrorOptions,
  type AnthropicStreamErrorOptions,
  anthropicErrorBody,
  anthropicErrorReply,
  anthropicStreamErrorReply,
} from "./fake-server/anthropic-errors";
export {
  type AnthropicCassetteInteraction,
  anthropicChunkFixtureReply,
  anthropicJsonFixtureReply,
  anthropicRawSseFixtureReply,
  readAnthropicCassette,
} from "./fake-server/anthropic-fixtures";
export {
  type AnthropicContentBlock,
  type AnthropicMessageOptions,
  type AnthropicStreamOptions,
  anthropicId,
  anthropicMessage,
  anthropicMessageReply,
  anthropicStreamEvents,
  anthropicStreamReply,
  anthropicUsage,
} from "./fake-server/anthropic-messages";
export {
  type AnthropicServerOptions,
  anthropicDefaultHandler,
  createAnthropicServer,
} from "./fake-server/anthropic-server";
export { anthropicWireAdapter } from "./fake-server/anthropic-wire-adapter";
export { eventStreamResponse } from "./fake-server/event-stream-response";
export { FakeServer, type ReplyHandler } from "./fake-server/fake-server";
export {
  fixturesDirectory,
  parseRawSse,
  readChunkFixture,
  readFixture,
  readJsonFixture,
} from "./fake-server/fixtures";
export {
  type GoogleCassetteInteraction,
  googleFixtureReply,
  readGoogleCassette,
} from "./fake-server/google-fixtures";
export {
  type GoogleErrorOptions,
  googleContextLengthError,
  googleError,
  googleInBandError,
  googleInvalidKeyError,
  googleModelNotFoundError,
  googlePermissionDeniedError,
  googleQuotaExhaustedError,
  googleRateLimitError,
  googleResponseBody,
  googleServerError,
  googleSse,
  googleSseSeparator,
  googleTextStream,
  googleUsageMetadata,
} from "./fake-server/google-replies";
export {
  answerGoogleRequest,
  createGoogleServer,
  type GoogleServerOptions,
} from "./fake-server/google-server";
export { googleWireAdapter } from "./fake-server/google-wire-adapter";
export { type OpenAICassetteInteraction, readOpenAICassette } from "./fake-server/openai-cassettes";
export {
  type OpenAIErrorOptions,
  openaiChatInBandError,
  openaiErrorReply,
  openaiResponsesInBandError,
} from "./fake-server/openai-error-replies";
export {
  openaiChatChunkReply,
  openaiJsonFixtureReply,
  openaiResponsesChunkReplies,
  openaiSnapshotStreams,
} from "./fake-server/openai-fixtures";
export {
  type OpenAIScriptedAnswer,
  type OpenAIScriptedToolCall,
  openaiChatChunks,
  openaiChatCompletion,
  openaiChatUsage,
  openaiResponsesUsage,
} from "./fake-server/openai-replies";
export { openaiResponse, openaiResponseEvents } from "./fake-server/openai-responses-replies";
export {
  answerOpenAIRequest,
  createOpenAIServer,
  type OpenAIServerOptions,
} from "./fake-server/openai-server";
export { openaiResponsesWireAdapter, openaiWireAdapter } from "./fake-server/openai-wire-adapter";
export type {
  HangReply,
  JsonReply,
  RawReply,
  RecordedRequest,
  Reply,
  ResetReply,
  SseEvent,
  SseReply,
} from "./fake-server/reply";
export { createTestManager, type TestManager, type TestManagerOptions } from "./manager/create-test-manager";
export { type RecordedEvents, recordEvents } from "./manager/record-events";
export { type PolicyRun, type RunPolicyOptions, runPolicy } from "./manager/run-policy";
export { type Settled, settled } from "./manager/settled";
export { MockProvider, type MockProviderOptions, type MockStep } from "./mock-provider";
