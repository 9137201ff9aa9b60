/** One server-sent event. `event` is the `event:` line, omitted by vendors that send only `data:`. */
export interface SseEvent {
  event?: string;
  data: string;
}

/** Things every reply can add: latency and extra headers. */
interface ReplyBase {
  /** Wait this long before sending anything, in ms. */
  delayMs?: number;
  /** Extra response headers, e.g. `retry-after`. */
  headers?: Record<string, string>;
}

/** A JSON response with any status. */
export interface JsonReply extends ReplyBase {
  kind: "json";
  status?: number;
  body: unknown;
}

/** A raw response body (malformed JSON, HTML error pages ...). */
export interface RawReply extends ReplyBase {
  kind: "raw";
  status?: number;
  body: string;
  contentType?: string;
}

/** A server-sent-event stream with fault options. */
export interface SseReply extends ReplyBase {
  kind: "sse";
  status?: number;
  events: SseEvent[];
  /** Wait between events, in ms. */
  eventDelayMs?: number;
  /** Cut the connection after this many events (a truncated stream). */
  cutAfterEvents?: number;
  /** Send garbage instead of the event at this index (a malformed chunk). */
  malformedAtEvent?: number;
  /** Line ending between events: "\n\n" (default) or "\r\n\r\n" (Gemini). */
  separator?: string;
}

/** Destroy the connection without answering (a network reset). */
export interface ResetReply extends ReplyBase {
  kind: "reset";
}

/** Accept the request and never answer (until the client gives up or the server closes). */
export interface HangReply extends ReplyBase {
  kind: "hang";
}

/** What a fake server does with one request. */
export type Reply = JsonReply | RawReply | SseReply | ResetReply | HangReply;

/** A request the fake server received. Authorization headers are kept so tests can check them. */
export interface RecordedRequest {
  method: string;
  /** Path with query string, e.g. "/v1/chat/completions". */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: any;
  /** Milliseconds since the epoch when the request arrived. */
  receivedAt: number;
}
