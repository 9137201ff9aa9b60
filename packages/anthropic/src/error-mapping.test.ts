import {
  AbortError,
  AuthenticationError,
  ContextLengthError,
  InvalidRequestError,
  type LanguageRequest,
  RateLimitError,
  type StreamPart,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import {
  anthropicErrorReply,
  anthropicStreamErrorReply,
  anthropicStreamReply,
  createAnthropicServer,
  type Reply,
} from "@ffc/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAnthropic } from "./anthropic-provider";

const server = await createAnthropicServer();
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => vi.useRealTimers());

const model = "claude-sonnet-4-6";
const provider = (options: Parameters<typeof createAnthropic>[0] = {}) =>
  createAnthropic({ apiKey: "sk-ant-errors-key", baseURL: server.url, ...options });
const request = (extra: Partial<LanguageRequest> = {}): LanguageRequest => ({
  model,
  messages: [{ role: "user", content: "Hi" }],
  maxTokens: 50,
  ...extra,
});

async function generateFailure(reply: Reply, options?: Parameters<typeof createAnthropic>[0]): Promise<any> {
  server.enqueue(reply);
  return provider(options)
    .generate(request())
    .then(
      () => {
        throw new Error("expected the call to fail");
      },
      (error) => error,
    );
}

async function streamFailure(
  reply: Reply,
  extra?: Partial<LanguageRequest>,
): Promise<{ error: any; parts: StreamPart[] }> {
  server.enqueue(reply);
  const parts: StreamPart[] = [];
  try {
    for await (const part of provider().stream(request(extra))) parts.push(part);
  } catch (error) {
    return { error, parts };
  }
  throw new Error("expected the stream to fail");
}

describe("retry hints", () => {
  it("reads retry-after-ms into retryAfterMs", async () => {
    const error = await generateFailure(anthropicErrorReply("rate-limit", { retryAfterMs: 1500 }));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 1500, retryable: true, status: 429, quotaExhausted: false });
  });

  it("reads retry-after in seconds into retryAfterMs", async () => {
    const error = await generateFailure(anthropicErrorReply("rate-limit", { retryAfterSeconds: 7 }));
    expect(error.retryAfterMs).toBe(7000);
  });

  it("reads retry-after as an HTTP date, relative to now", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
    const error = await generateFailure(
      anthropicErrorReply("rate-limit", { retryAfterDate: new Date("2030-01-01T00:00:30Z") }),
    );
    expect(error.retryAfterMs).toBe(30_000);
  });

  it("prefers retry-after-ms over retry-after when both are sent", async () => {
    const error = await generateFailure(
      anthropicErrorReply("rate-limit", { retryAfterSeconds: 9, retryAfterMs: 250 }),
    );
    expect(error.retryAfterMs).toBe(250);
  });
});

describe("quota exhaustion is not retryable", () => {
  it("maps a 429 with error_code enforced_spend_limit_reached to RateLimitError{quotaExhausted}", async () => {
    const error = await generateFailure(anthropicErrorReply("quota-exhausted"));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ quotaExhausted: true, retryable: false, status: 429 });
    expect(error.retryAfterMs).toBeUndefined();
  });

  it("maps a 402 billing_error and a 400 credit-balance message to quota exhausted", async () => {
    const billing = await generateFailure(anthropicErrorReply("billing"));
    const credit = await generateFailure(
      anthropicErrorReply("invalid-request", {
        message: "Your credit balance is too low to access the Anthropic API.",
      }),
    );
    for (const error of [billing, credit]) {
      expect(RateLimitError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ quotaExhausted: true, retryable: false });
    }
  });
});

describe("HTTP errors", () => {
  it("keeps the vendor's request id, status, provider and model on every error", async () => {
    const error = await generateFailure(anthropicErrorReply("server", { requestId: "req_keep_me" }));
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      requestId: "req_keep_me",
      status: 500,
      provider: "anthropic",
      model,
      retryable: true,
    });
    expect(error.message).toContain("req_keep_me");
    expect(error.cause).toMatchObject({ status: 500, requestId: "req_keep_me" });
  });

  it("maps 529 overloaded_error and 503 to a retryable TemporaryError", async () => {
    for (const kind of ["overloaded", "unavailable", "timeout"] as const) {
      const error = await generateFailure(anthropicErrorReply(kind));
      expect(TemporaryError.isInstance(error), kind).toBe(true);
      expect(error.retryable).toBe(true);
    }
    expect((await generateFailure(anthropicErrorReply("overloaded"))).status).toBe(529);
  });

  it("maps 401 and 403 to AuthenticationError", async () => {
    for (const kind of ["authentication", "permission"] as const) {
      const error = await generateFailure(anthropicErrorReply(kind));
      expect(AuthenticationError.isInstance(error), kind).toBe(true);
      expect(error.retryable).toBe(false);
    }
  });

  it("maps an unknown model's 404 to InvalidRequestError with the vendor's message and request id", async () => {
    const error = await generateFailure(
      anthropicErrorReply("not-found", { message: "model: claude-nonexistent-9", requestId: "req_404" }),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, requestId: "req_404", retryable: false });
    expect(error.message).toContain("model: claude-nonexistent-9");
  });

  it("maps both prompt-too-long wordings to ContextLengthError", async () => {
    const older =
      "input length and `max_tokens` exceed context limit: 189136 + 20000 > 204648, decrease input length or `max_tokens` and try again";
    for (const reply of [
      anthropicErrorReply("context-length"),
      anthropicErrorReply("invalid-request", { message: older }),
    ]) {
      const error = await generateFailure(reply);
      expect(ContextLengthError.isInstance(error)).toBe(true);
      expect(error.status).toBe(400);
    }
  });

  it("maps a connection reset to TemporaryError", async () => {
    const error = await generateFailure({ kind: "reset" });
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
  });
});

describe("malformed and truncated responses", () => {
  it("maps a 200 body that is not JSON to a TemporaryError, not an empty result", async () => {
    const error = await generateFailure({
      kind: "raw",
      status: 200,
      body: "<html>gateway</html>",
      contentType: "text/html",
    });
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error.message).toContain("not a Messages response");
  });

  it("maps a 200 JSON body that is not a message to a TemporaryError", async () => {
    const error = await generateFailure({ kind: "json", status: 200, body: { ok: true } });
    expect(TemporaryError.isInstance(error)).toBe(true);
  });

  it("fails a stream that ends before message_stop with a retryable TemporaryError after the text it had", async () => {
    const reply = anthropicStreamReply({
      model,
      textChunks: ["one ", "two ", "three"],
      content: [{ type: "text", text: "one two three" }],
      usage: { inputTokens: 5, outputTokens: 3 },
    });
    const { error, parts } = await streamFailure({ ...reply, events: reply.events.slice(0, -2) });
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error.message).toContain("before message_stop");
    expect(parts.map((part) => part.type === "text-delta" && part.text)).toEqual(["one ", "two ", "three"]);
    expect(parts.some((part) => part.type === "finish")).toBe(false);
  });

  it("fails an empty 200 stream with a TemporaryError", async () => {
    const { error } = await streamFailure({ kind: "sse", status: 200, events: [] });
    expect(TemporaryError.isInstance(error)).toBe(true);
  });
});

describe("errors after HTTP 200", () => {
  it("maps an in-band overloaded_error to TemporaryError after the text already streamed", async () => {
    const { error, parts } = await streamFailure(
      anthropicStreamErrorReply({ model, textBefore: ["Hel", "lo"] }),
    );
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(parts.map((part) => part.type)).toEqual(["text-delta", "text-delta"]);
  });

  it("maps in-band rate_limit_error and invalid_request_error to their typed classes", async () => {
    const limited = await streamFailure(
      anthropicStreamErrorReply({ model, type: "rate_limit_error", message: "slow down" }),
    );
    expect(RateLimitError.isInstance(limited.error)).toBe(true);
    const invalid = await streamFailure(
      anthropicStreamErrorReply({ model, type: "invalid_request_error", message: "bad" }),
    );
    expect(InvalidRequestError.isInstance(invalid.error)).toBe(true);
  });
});

describe("aborts and timeouts", () => {
  it("reports a user abort during a stream as AbortError, never as a truncated stream", async () => {
    const reply = anthropicStreamReply({
      model,
      textChunks: ["a", "b", "c", "d", "e", "f"],
      content: [{ type: "text", text: "abcdef" }],
      usage: { inputTokens: 5, outputTokens: 6 },
    });
    const controller = new AbortController();
    server.enqueue({ ...reply, eventDelayMs: 30 });
    const parts: StreamPart[] = [];
    let error: any;
    try {
      for await (const part of provider().stream(request({ signal: controller.signal }))) {
        parts.push(part);
        if (parts.length === 2) controller.abort();
      }
    } catch (thrown) {
      error = thrown;
    }
    expect(AbortError.isInstance(error)).toBe(true);
    expect(TemporaryError.isInstance(error)).toBe(false);
  });

  it("reports an already-aborted signal as AbortError without a retryable flag", async () => {
    const error = await provider()
      .generate(request({ signal: AbortSignal.abort() }))
      .catch((thrown) => thrown);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(false);
  });

  it("reports the timeoutMs option running out as TimeoutError", async () => {
    const error = await generateFailure({ kind: "hang" }, { timeoutMs: 100 });
    expect(TimeoutError.isInstance(error)).toBe(true);
  });
});
