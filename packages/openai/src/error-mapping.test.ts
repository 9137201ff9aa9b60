import { AbortError, type LanguageRequest, TemporaryError, TimeoutError } from "@ffc/core";
import { retryAfterFromHeaders } from "@ffc/core/provider";
import {
  createOpenAIServer,
  type FakeServer,
  openaiChatChunks,
  openaiChatInBandError,
  openaiErrorReply,
} from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";

const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const provider = (options: Parameters<typeof createOpenAI>[0] = {}) =>
  createOpenAI({ apiKey: "sk-test-errors-0123456789", baseURL: `${server.url}/v1`, ...options });
const request: LanguageRequest = { model: "gpt-4o", messages: [{ role: "user", content: "hi" }] };

async function failure(run: () => Promise<unknown>): Promise<any> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

async function drain(stream: AsyncIterable<unknown>) {
  for await (const _part of stream) {
    // consume
  }
}

describe("retry hints", () => {
  it("reads retry-after-ms as milliseconds", async () => {
    server.enqueue(openaiErrorReply("rate-limit", { retryAfterMs: 1500 }));
    const error = await failure(() => provider().generate(request));
    expect(error.name).toBe("RateLimitError");
    expect(error.retryAfterMs).toBe(1500);
  });

  it("reads retry-after in seconds", async () => {
    server.enqueue(openaiErrorReply("rate-limit", { retryAfterSeconds: 3 }));
    expect((await failure(() => provider().generate(request))).retryAfterMs).toBe(3000);
  });

  it("reads retry-after given as an HTTP date", async () => {
    server.enqueue(openaiErrorReply("rate-limit", { retryAfterDate: new Date(Date.now() + 30_000) }));
    const wait = (await failure(() => provider().generate(request))).retryAfterMs;
    // HTTP dates have whole seconds, so up to a second is lost to rounding.
    expect(wait).toBeGreaterThan(28_000);
    expect(wait).toBeLessThanOrEqual(30_000);
  });

  it("prefers retry-after-ms over retry-after and ignores values it cannot read", () => {
    const headers = (values: Record<string, string>) => new Headers(values);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterFromHeaders(headers({ "retry-after-ms": "250.4", "retry-after": "9" }), now)).toBe(250);
    expect(retryAfterFromHeaders(headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(
      5000,
    );
    expect(retryAfterFromHeaders(headers({ "retry-after": "Thu, 01 Jan 2025 00:00:05 GMT" }), now)).toBe(0);
    expect(retryAfterFromHeaders(headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(retryAfterFromHeaders(headers({}), now)).toBeUndefined();
  });
});

describe("HTTP errors", () => {
  it("marks an exhausted quota as not retryable, even with a retry hint", async () => {
    server.enqueue(openaiErrorReply("quota-exhausted", { retryAfterSeconds: 20 }));
    const error = await failure(() => provider().generate(request));
    expect(error.name).toBe("RateLimitError");
    expect(error.quotaExhausted).toBe(true);
    expect(error.retryable).toBe(false);
  });

  it("keeps provider, model, status and the vendor's request id on a 500", async () => {
    server.enqueue(openaiErrorReply("server", { requestId: "req_abc123" }));
    const error = await failure(() => provider().generate(request));
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      provider: "openai",
      model: "gpt-4o",
      status: 500,
      requestId: "req_abc123",
      retryable: true,
    });
    expect(error.message).toContain("req_abc123");
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("maps 503 overloaded and 529 to retryable TemporaryErrors", async () => {
    server.enqueue(openaiErrorReply("overloaded"), openaiErrorReply("overloaded", { status: 529 }));
    const errors = [
      await failure(() => provider().generate(request)),
      await failure(() => provider().generate(request)),
    ];
    expect(errors.map((error) => [error.name, error.status, error.retryable])).toEqual([
      ["TemporaryError", 503, true],
      ["TemporaryError", 529, true],
    ]);
  });

  it("maps an unknown model's 404 to an InvalidRequestError with the vendor message", async () => {
    server.enqueue(openaiErrorReply("not-found", { requestId: "req_404" }));
    const error = await failure(() => provider().generate({ ...request, model: "gpt-nonexistent" }));
    expect(error.name).toBe("InvalidRequestError");
    expect(error.message).toContain("The model `gpt-nonexistent` does not exist");
    expect(error.requestId).toBe("req_404");
  });

  it("refuses a 200 answer that is not a chat completion instead of returning an empty result", async () => {
    server.enqueue({ kind: "raw", status: 200, contentType: "text/html", body: "<html>gateway</html>" });
    const error = await failure(() => provider().generate(request));
    expect(TemporaryError.isInstance(error)).toBe(true);
  });

  it("turns the SDK's own time limit into a TimeoutError", async () => {
    server.enqueue({ kind: "hang" });
    const error = await failure(() => provider({ timeoutMs: 100 }).generate(request));
    expect(TimeoutError.isInstance(error)).toBe(true);
  });
});

describe("stream errors", () => {
  it("maps a Chat Completions error chunk after HTTP 200 to the class of its code", async () => {
    server.enqueue(openaiChatInBandError("gpt-4o", "context-length"));
    const error = await failure(() => drain(provider().stream(request)));
    expect(error.name).toBe("ContextLengthError");
  });

  it("maps a malformed chunk to a retryable TemporaryError", async () => {
    server.enqueue({
      kind: "sse",
      events: openaiChatChunks({ model: "gpt-4o", chunks: ["a", "b"] }),
      malformedAtEvent: 1,
    });
    const error = await failure(() => drain(provider().stream(request)));
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error.message).toContain("not valid JSON");
  });

  it("fails a stream that ends cleanly without a finish reason instead of returning a partial result", async () => {
    const events = openaiChatChunks({ model: "gpt-4o", chunks: ["partial"] }).slice(0, 2);
    server.enqueue({ kind: "sse", events });
    const error = await failure(() => drain(provider().stream(request)));
    expect(TemporaryError.isInstance(error)).toBe(true);
    expect(error.message).toContain("no finish_reason");
  });

  it("reports a caller's abort in the middle of a stream as AbortError, not as a retryable failure", async () => {
    const events = openaiChatChunks({ model: "gpt-4o", chunks: ["one ", "two ", "three ", "four "] });
    server.enqueue({ kind: "sse", events, eventDelayMs: 40 });
    const controller = new AbortController();
    const error = await failure(async () => {
      for await (const part of provider().stream({ ...request, signal: controller.signal })) {
        if (part.type === "text-delta") controller.abort();
      }
    });
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(false);
  });
});
