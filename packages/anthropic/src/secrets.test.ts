import { inspect } from "node:util";
import type { LanguageRequest } from "@ffc/core";
import {
  anthropicErrorReply,
  anthropicStreamErrorReply,
  createAnthropicServer,
  type Reply,
} from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";

const apiKey = "sk-ant-api03-SECRET-never-print-me-0123456789";
const server = await createAnthropicServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const provider = (options: Parameters<typeof createAnthropic>[0] = {}) =>
  createAnthropic({ apiKey, baseURL: server.url, ...options });
const request: LanguageRequest = {
  model: "claude-sonnet-4-6",
  messages: [{ role: "user", content: "Hi" }],
  maxTokens: 20,
};

/** Every way an error is commonly shown: message, String(), JSON, and a deep inspect. */
function shown(value: unknown): string {
  const error = value as Error;
  return [
    error?.message,
    String(value),
    JSON.stringify(value),
    inspect(value, { depth: 10, showHidden: true }),
  ].join("\n");
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

const generateReplies: Array<[string, Reply]> = [
  ["401", anthropicErrorReply("authentication")],
  // A gateway that echoes the key it refused must not get it into our error.
  ["401 echoing the key", anthropicErrorReply("authentication", { message: `invalid x-api-key: ${apiKey}` })],
  ["429", anthropicErrorReply("rate-limit", { retryAfterSeconds: 3 })],
  ["quota", anthropicErrorReply("quota-exhausted")],
  ["529", anthropicErrorReply("overloaded")],
  ["400 context", anthropicErrorReply("context-length")],
  ["404", anthropicErrorReply("not-found")],
  ["reset", { kind: "reset" }],
  ["not JSON", { kind: "raw", status: 200, body: "garbage" }],
];

describe("the API key never shows", () => {
  for (const [name, reply] of generateReplies) {
    it(`is absent from the ${name} error's message, JSON and inspect output`, async () => {
      server.enqueue(reply);
      const error = await failure(() => provider().generate(request));
      expect(shown(error)).not.toContain(apiKey);
      expect(shown(error)).not.toContain("SECRET-never-print-me");
    });
  }

  it("is absent from an in-band stream error and a malformed-chunk error", async () => {
    const streamed = async () => {
      for await (const _part of provider().stream(request)) {
        // Consume until the failure.
      }
    };
    server.enqueue(anthropicStreamErrorReply({ model: "m", message: `overloaded for ${apiKey}` }));
    const inBand = await failure(streamed);
    server.enqueue({ ...anthropicStreamErrorReply({ model: "m" }), malformedAtEvent: 1 });
    const malformed = await failure(streamed);
    for (const error of [inBand, malformed]) expect(shown(error)).not.toContain(apiKey);
  });

  it("is absent from timeout and abort errors", async () => {
    server.enqueue({ kind: "hang" });
    const timedOut = await failure(() => provider({ timeoutMs: 50 }).generate(request));
    server.enqueue({ kind: "hang" });
    const aborted = await failure(() => provider().generate({ ...request, signal: AbortSignal.timeout(50) }));
    for (const error of [timedOut, aborted]) expect(shown(error)).not.toContain(apiKey);
  });

  it("is absent from the provider object's JSON and inspect output, even with hidden fields", () => {
    const instance = provider();
    expect(JSON.stringify(instance)).not.toContain(apiKey);
    expect(inspect(instance, { depth: 10, showHidden: true, getters: true })).not.toContain(apiKey);
  });

  it("is still sent to the vendor, so the redaction is not hiding a missing key", async () => {
    await provider().generate(request);
    const headers = server.requests[0]!.headers;
    expect(`${headers.authorization ?? ""}${headers["x-api-key"] ?? ""}`).toContain(apiKey);
  });
});
