import {
  AbortError,
  AuthenticationError,
  ContentFilterError,
  ContextLengthError,
  InvalidRequestError,
  RateLimitError,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import {
  createGoogleServer,
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
  googleTextStream,
} from "@ffc/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { collect, failure, transports, userRequest } from "./test-support/google-transports";

const server = await createGoogleServer();
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => vi.useRealTimers());

const [genai] = transports;
const usage = { inputTokens: 5, outputTokens: 5 };

describe("retry hints from HTTP headers (seen through @google/genai)", () => {
  const rateLimited = (headers: Record<string, string>) =>
    googleError(429, "RESOURCE_EXHAUSTED", "Slow down.", { headers });

  it("reads retry-after-ms as milliseconds", async () => {
    server.enqueue(rateLimited({ "retry-after-ms": "1500" }));
    const error = await failure(() => genai!.create(server).generate(userRequest("Hi")));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryAfterMs).toBe(1500);
  });

  it("reads retry-after in seconds", async () => {
    server.enqueue(rateLimited({ "retry-after": "7" }));
    const error = await failure(() => genai!.create(server).generate(userRequest("Hi")));
    expect(error.retryAfterMs).toBe(7000);
  });

  it("reads retry-after as an HTTP date, relative to now", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T12:00:00Z"));
    server.enqueue(rateLimited({ "retry-after": "Sun, 01 Mar 2026 12:00:30 GMT" }));
    const error = await failure(() => genai!.create(server).generate(userRequest("Hi")));
    expect(error.retryAfterMs).toBe(30_000);
  });

  it("prefers Gemini's RetryInfo in the body over a header", async () => {
    server.enqueue(googleRateLimitError({ retryDelaySeconds: 2.5, headers: { "retry-after": "60" } }));
    const error = await failure(() => genai!.create(server).generate(userRequest("Hi")));
    expect(error.retryAfterMs).toBe(2500);
  });

  it("keeps a request id sent as the x-request-id header", async () => {
    server.enqueue(googleServerError(500, { headers: { "x-request-id": "req-header-42" } }));
    const error = await failure(() => genai!.create(server).generate(userRequest("Hi")));
    expect(error.requestId).toBe("req-header-42");
  });
});

describe.each(transports)("vendor errors over $name", ({ create }) => {
  const generateFails = () => failure(() => create(server).generate(userRequest("Hi")));

  it("marks a per-day quota without RetryInfo as exhausted and not retryable", async () => {
    server.enqueue(googleQuotaExhaustedError({ requestId: "req-quota" }));
    const error = await generateFails();
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      quotaExhausted: true,
      retryable: false,
      status: 429,
      requestId: "req-quota",
    });
    expect(error.retryAfterMs).toBeUndefined();
  });

  it("keeps a per-minute limit with RetryInfo retryable", async () => {
    server.enqueue(googleRateLimitError({ retryDelaySeconds: 34.4 }));
    const error = await generateFails();
    expect(error).toMatchObject({ quotaExhausted: false, retryable: true, retryAfterMs: 34_400 });
  });

  it("maps 400 API_KEY_INVALID and 403 PERMISSION_DENIED to AuthenticationError", async () => {
    server.enqueue(googleInvalidKeyError(), googlePermissionDeniedError());
    const invalid = await generateFails();
    const denied = await generateFails();
    expect(AuthenticationError.isInstance(invalid)).toBe(true);
    expect(invalid.status).toBe(400);
    expect(invalid.message).toContain("API key not valid");
    expect(AuthenticationError.isInstance(denied)).toBe(true);
    expect(denied.status).toBe(403);
  });

  it("maps an unknown model's 404 to InvalidRequestError with the vendor's message and request id", async () => {
    server.enqueue(googleModelNotFoundError("gemini-nope", { requestId: "req-404" }));
    const error = await generateFails();
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 404,
      requestId: "req-404",
      retryable: false,
      provider: "google",
      model: "gemini-2.5-flash",
    });
    expect(error.message).toContain("models/gemini-nope is not found");
  });

  it("maps the input-token-count message to ContextLengthError", async () => {
    server.enqueue(
      googleError(
        400,
        "INVALID_ARGUMENT",
        "The input token count (3475108) exceeds the maximum number of tokens allowed (1048576).",
      ),
    );
    const error = await generateFails();
    expect(ContextLengthError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(false);
  });

  it("maps 500, 503, 504 and an HTML 502 page to retryable TemporaryError", async () => {
    server.enqueue(googleServerError(500), googleServerError(503), googleServerError(504), {
      kind: "raw",
      status: 502,
      body: "<html><body>Bad Gateway</body></html>",
      contentType: "text/html",
    });
    for (const status of [500, 503, 504, 502]) {
      const error = await generateFails();
      expect(TemporaryError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status, retryable: true });
    }
  });

  it("maps an error chunk after HTTP 200 to the class of its status, after the text before it", async () => {
    server.enqueue(googleInBandError({ model: "gemini-2.5-flash" }));
    const parts: string[] = [];
    const error = await failure(async () => {
      for await (const part of create(server).stream(userRequest("Hi"))) parts.push(part.type);
    });
    expect(parts).toEqual(["text-delta"]);
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error.status).toBe(503);
    server.enqueue(
      googleInBandError({
        model: "gemini-2.5-flash",
        status: 429,
        rpcStatus: "RESOURCE_EXHAUSTED",
        message: "Quota.",
      }),
    );
    const rateLimited = await failure(() => collect(create(server).stream(userRequest("Hi"))));
    expect(RateLimitError.isInstance(rateLimited)).toBe(true);
  });

  it("maps a blocked prompt to ContentFilterError, whole or streamed", async () => {
    const blocked = {
      promptFeedback: { blockReason: "SAFETY" },
      usageMetadata: { promptTokenCount: 8, totalTokenCount: 8 },
    };
    server.enqueue({ kind: "json", body: blocked }, googleSse([blocked]));
    const whole = await generateFails();
    const streamed = await failure(() => collect(create(server).stream(userRequest("Hi"))));
    for (const error of [whole, streamed]) {
      expect(ContentFilterError.isInstance(error)).toBe(true);
      expect(error.message).toContain("SAFETY");
    }
  });

  it("reports an answer stopped by SAFETY as finish reason content-filter", async () => {
    server.enqueue({
      kind: "json",
      body: googleResponseBody({
        parts: [{ text: "I" }],
        usage,
        model: "gemini-2.5-flash",
        finishReason: "SAFETY",
      }),
    });
    const result = await create(server).generate(userRequest("Hi"));
    expect(result).toMatchObject({ finishReason: "content-filter", rawFinishReason: "SAFETY" });
  });

  it("fails a stream that ends cleanly without a finish reason with a retryable TemporaryError", async () => {
    const stream = googleTextStream({ chunks: ["a", "b", "c"], usage, model: "gemini-2.5-flash" });
    server.enqueue({ ...stream, events: stream.events.slice(0, 2) });
    const error = await failure(() => collect(create(server).stream(userRequest("Hi"))));
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error.message).toContain("without a finish reason");
  });

  it("maps a malformed chunk to a retryable TemporaryError that says so", async () => {
    server.enqueue({
      ...googleTextStream({ chunks: ["a", "b", "c"], usage, model: "gemini-2.5-flash" }),
      malformedAtEvent: 1,
    });
    const error = await failure(() => collect(create(server).stream(userRequest("Hi"))));
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error.message).toContain("malformed");
  });

  it("maps a connection reset to TemporaryError", async () => {
    server.enqueue({ kind: "reset" });
    const error = await generateFails();
    expect(TemporaryError.isInstance(error)).toBe(true);
  });

  it("maps a caller's abort during a stream to AbortError, never TemporaryError", async () => {
    server.enqueue({
      ...googleTextStream({ chunks: ["a", "b", "c", "d"], usage, model: "gemini-2.5-flash" }),
      eventDelayMs: 200,
    });
    const controller = new AbortController();
    const error = await failure(async () => {
      for await (const part of create(server).stream(userRequest("Hi", { signal: controller.signal }))) {
        if (part.type === "text-delta") controller.abort();
      }
    });
    expect(AbortError.isInstance(error)).toBe(true);
    expect(TemporaryError.isInstance(error)).toBe(false);
  });

  it("ends a request that outlasts timeoutMs with TimeoutError", async () => {
    server.enqueue({ kind: "hang" });
    const error = await failure(() => create(server, { timeoutMs: 100 }).generate(userRequest("Hi")));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error.message).toContain("timeoutMs (100 ms)");
  });
});
