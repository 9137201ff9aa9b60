export { FakeServer, type ReplyHandler } from "./fake-server/fake-server";
export { fixturesDirectory, parseRawSse, readChunkFixture, readFixture, readJsonFixture } from "./fake-server/fixtures";
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
export { MockProvider, type MockProviderOptions, type MockStep } from "./mock-provider";
export { type ConformanceCheck, conformanceApiKey, providerConformanceChecks } from "./conformance/provider-conformance";
export type { ConformanceTarget, ScriptedErrorKind, ScriptedUsage, WireAdapter } from "./conformance/wire-adapter";
export {
  type AnthropicErrorKind,
  type AnthropicErrorOptions,
  type AnthropicStreamErrorOptions,
  anthropicErrorBody,
  anthropicErrorReply,
  anthropicStreamErrorReply,
} from "./fake-server/anthropic-errors";
export {
  anthropicChunkFixtureReply,
  anthropicJsonFixtureReply,
  anthropicRawSseFixtureReply,
  type AnthropicCassetteInteraction,
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
export { type AnthropicServerOptions, anthropicDefaultHandler, createAnthropicServer } from "./fake-server/anthropic-server";
export { anthropicWireAdapter } from "./fake-server/anthropic-wire-adapter";
