import type { Reply } from "@ffc/testing";
import fc from "fast-check";
import { apiKey, gatewayKey } from "./leak-check";
import type { FuzzUsage, VendorAdapter } from "./vendor-adapters";

/** Limits of the fuzzed call, so that every stall and hang ends fast. */
export const fuzzLimits = {
  /** The manager's attempt timeout (first part of a stream included), in ms. */
  attemptMs: 150,
  /** The manager's stream stall timeout, in ms. */
  streamStallMs: 80,
  /** Output tokens asked for; honest vendors report at most this many. */
  maxTokens: 64,
};

/** Text a hostile vendor may send: any Unicode, odd whitespace, markup, or one of the secrets. */
const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    apiKey,
    gatewayKey,
    `Bearer ${apiKey}`,
    `invalid key ${gatewayKey}.`,
    "\u0000\uFFFD\uD800",
    "</context>",
  ),
);

/** Text of an honest answer: short enough that its token count stays within maxTokens. */
const answerText = fc.string({ unit: "grapheme", maxLength: 60 });

const honestUsage: fc.Arbitrary<FuzzUsage> = fc.record({
  inputTokens: fc.integer({ min: 0, max: 30 }),
  outputTokens: fc.integer({ min: 0, max: fuzzLimits.maxTokens }),
});

const statusCode = fc.oneof(
  fc.constantFrom(400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 504, 529),
  fc.integer({ min: 200, max: 599 }),
);

const headerValue = fc.oneof(
  fc.constantFrom(apiKey, gatewayKey, "0", "-1", "1e309", "Wed, 21 Oct 2015 07:28:00 GMT", "soon", "0.05"),
  fc.stringMatching(/^[\x21-\x7e]{0,30}$/),
);

function headersFor(adapter: VendorAdapter): fc.Arbitrary<Record<string, string>> {
  return fc
    .record(
      {
        [adapter.requestIdHeader]: headerValue,
        "retry-after": headerValue,
        "retry-after-ms": headerValue,
        "x-ratelimit-remaining-tokens": headerValue,
      },
      { requiredKeys: [] },
    )
    .map((headers) =>
      Object.fromEntries(
        Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
    );
}

/** Bodies that are not a response: empty, null, wrong JSON types, truncated JSON, HTML, bytes. */
function brokenBody(adapter: VendorAdapter): fc.Arbitrary<string> {
  const valid = JSON.stringify(adapter.body("hello", { inputTokens: 1, outputTokens: 1 }));
  return fc.oneof(
    fc.constantFrom("", "null", "[]", "{}", "42", '"text"', "true", "<html><body>Bad Gateway</body></html>"),
    fc.integer({ min: 0, max: valid.length - 1 }).map((cut) => valid.slice(0, cut)),
    fc.string({ unit: "binary", maxLength: 200 }),
    hostileText.map((text) => JSON.stringify({ error: text })),
  );
}

/**
 * Every reply a vendor (or a proxy in front of it) could give: correct answers and streams,
 * error statuses with hostile messages and headers, broken bodies, truncated, garbled, slow and
 * stalled streams, hangs and connection resets.
 */
export function replyArbitrary(adapter: VendorAdapter): fc.Arbitrary<Reply> {
  const delay = fc.oneof(
    { weight: 8, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 20 }) },
    { weight: 1, arbitrary: fc.constant(fuzzLimits.attemptMs + 100) },
  );
  const answer = fc.record({
    text: answerText,
    usage: honestUsage,
    headers: headersFor(adapter),
    delayMs: delay,
  });
  const okJson = answer.map(
    ({ text, usage, headers, delayMs }): Reply => ({
      kind: "json",
      status: 200,
      body: adapter.body(text, usage),
      headers,
      delayMs,
    }),
  );
  const okStream = fc
    .record({
      pieces: fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { maxLength: 5 }),
      usage: honestUsage,
      headers: headersFor(adapter),
      cut: fc.option(fc.integer({ min: 0, max: 12 }), { freq: 3 }),
      malformed: fc.option(fc.integer({ min: 0, max: 12 }), { freq: 4 }),
      eventDelayMs: fc.oneof(
        { weight: 10, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 10 }) },
        { weight: 1, arbitrary: fc.constant(fuzzLimits.streamStallMs + 80) },
      ),
    })
    .map(({ pieces, usage, headers, cut, malformed, eventDelayMs }): Reply => {
      const { events, separator } = adapter.events(pieces, usage);
      const reply: Reply = { kind: "sse", status: 200, events, headers, eventDelayMs };
      if (separator) reply.separator = separator;
      if (cut !== null) reply.cutAfterEvents = cut;
      if (malformed !== null) reply.malformedAtEvent = malformed;
      return reply;
    });
  const garbledStream = fc
    .record({
      data: fc.array(fc.oneof(hostileText, fc.constantFrom("[DONE]", "{}", "null", '{"type":"error"}')), {
        maxLength: 4,
      }),
      status: fc.oneof(fc.constant(200), statusCode),
    })
    .map(
      ({ data, status }): Reply => ({ kind: "sse", status, events: data.map((item) => ({ data: item })) }),
    );
  const vendorError = fc
    .record({ status: statusCode, message: hostileText, headers: headersFor(adapter) })
    .map(
      ({ status, message, headers }): Reply => ({
        kind: "json",
        status,
        body: adapter.errorBody(status, message),
        headers,
      }),
    );
  const rawBody = fc
    .record({
      status: fc.oneof(fc.constant(200), statusCode),
      body: brokenBody(adapter),
      contentType: fc.constantFrom("application/json", "text/plain", "text/html", "text/event-stream"),
      headers: headersFor(adapter),
    })
    .map(
      ({ status, body, contentType, headers }): Reply => ({
        kind: "raw",
        status,
        body,
        contentType,
        headers,
      }),
    );
  return fc.oneof(
    { weight: 5, arbitrary: okJson },
    { weight: 5, arbitrary: okStream },
    { weight: 2, arbitrary: garbledStream },
    { weight: 4, arbitrary: vendorError },
    { weight: 4, arbitrary: rawBody },
    { weight: 1, arbitrary: fc.constant<Reply>({ kind: "reset" }) },
    { weight: 1, arbitrary: fc.constant<Reply>({ kind: "hang" }) },
  );
}
