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
