import type { FakeServer } from "../fake-server/fake-server";
import type { Reply, SseReply } from "../fake-server/reply";

/** Usage as a test wants the vendor to report it, in FFC's normalized terms. */
export interface ScriptedUsage {
  /** All input tokens, cache reads and writes included. */
  inputTokens: number;
  /** All output tokens, reasoning included. */
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
}

/** Failures every vendor can answer with, in the vendor's own shape. */
export type ScriptedErrorKind =
  | "authentication"
  | "rate-limit"
  | "quota-exhausted"
  | "overloaded"
  | "server"
  | "context-length"
  | "invalid-request"
  | "not-found";

/**
 * Builds vendor-shaped replies for a fake server, so one conformance suite can drive every
 * provider. Each vendor module of @ffc/testing exports one; a custom provider's author
 * writes one for their own wire format.
 */
export interface WireAdapter {
  /** Vendor name, for messages. */
  readonly name: string;
  /** A whole text response. */
  text(options: { text: string; usage: ScriptedUsage; model: string }): Reply;
  /** A streamed text response, one event per chunk, usage at the end. */
  textStream(options: { chunks: string[]; usage: ScriptedUsage; model: string }): SseReply;
  /** A whole response holding one tool call. */
  toolCall(options: {
    toolCallId: string;
    toolName: string;
    input: Record<string, unknown>;
    usage: ScriptedUsage;
    model: string;
  }): Reply;
  /** A streamed response holding one tool call, its arguments in several deltas. */
  toolCallStream(options: {
    toolCallId: string;
    toolName: string;
    input: Record<string, unknown>;
    usage: ScriptedUsage;
    model: string;
  }): SseReply;
  /** An HTTP error in the vendor's shape; `retryAfterSeconds` sets the vendor's retry hint. */
  error(kind: ScriptedErrorKind, options?: { retryAfterSeconds?: number; requestId?: string }): Reply;
  /** A stream that starts with HTTP 200 and then reports an error in band. */
  inBandError(options: { model: string }): SseReply;
  /** The system prompt and user texts a recorded request body carries. */
  readPrompt(body: any): { system?: string; user: string[] };
  /** The tool results a recorded request body sends back to the model (JSON outputs parsed). */
  readToolResults?(body: any): SentToolResult[];
}

/** A tool result as a recorded request carried it. */
export interface SentToolResult {
  /** The call it answers, where the wire format carries an id. */
  toolCallId?: string;
  /** The tool's name, where the wire format carries it (Gemini). */
  toolName?: string;
  /** The output, parsed when it was sent as JSON text. */
  output: unknown;
}

/** Parses JSON text, keeping other text as it is. */
export function parseSentOutput(output: unknown): unknown {
  if (typeof output !== "string") return output;
  try {
    return JSON.parse(output);
  } catch {
    return output;
  }
}

/** What the conformance suite needs to run against one provider. */
export interface ConformanceTarget {
  adapter: WireAdapter;
  /** A started fake server that speaks the vendor's wire protocol. */
  server: FakeServer;
  /** Builds the provider under test pointed at `baseURL` with `apiKey`. */
  createProvider(options: { baseURL: string; apiKey: string }): import("@ffc/core").LanguageProvider;
  /** Model id to request. */
  model: string;
}
