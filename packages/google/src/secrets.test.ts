import { inspect } from "node:util";
import {
  createGoogleServer,
  googleError,
  googleInvalidKeyError,
  googleServerError,
  googleWireAdapter,
} from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createGoogle } from "./google-provider";
import { collect, failure, testApiKey, transports, userRequest } from "./test-support/google-transports";

const server = await createGoogleServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

function shownEverywhere(value: unknown): string {
  return `${String(value)} ${JSON.stringify(value)} ${inspect(value, { depth: 10, showHidden: true })}`;
}

describe.each(transports)("the API key stays hidden over $name", ({ create }) => {
  it("is absent from the provider's JSON and inspect output", () => {
    const provider = create(server);
    expect(shownEverywhere(provider)).not.toContain(testApiKey);
  });

  it("is absent from every error's message, JSON and inspect output, even when the server echoes it", async () => {
    server.enqueue(
      googleInvalidKeyError({ requestId: "req-1" }),
      // A misbehaving proxy that quotes the key back must not get it into our errors.
      googleError(401, "UNAUTHENTICATED", `Key ${testApiKey} was refused.`),
      googleServerError(503),
      { kind: "reset" },
      { kind: "raw", status: 500, body: `upstream said: ${testApiKey}`, contentType: "text/plain" },
    );
    const errors = [];
    for (let index = 0; index < 5; index += 1)
      errors.push(await failure(() => create(server).generate(userRequest("Hi"))));
    server.enqueue({
      ...googleWireAdapter.textStream({
        chunks: ["a", "b", "c"],
        usage: { inputTokens: 1, outputTokens: 1 },
        model: "m",
      }),
      cutAfterEvents: 1,
    });
    errors.push(await failure(() => collect(create(server).stream(userRequest("Hi")))));
    for (const error of errors) {
      expect(error.provider).toBe("google");
      expect(shownEverywhere(error)).not.toContain(testApiKey);
    }
    expect(errors[1].message).toContain("[redacted]");
  });
});

describe("an API key the environment supplies", () => {
  it("is not shown by the provider either", () => {
    vi.stubEnv("GEMINI_API_KEY", testApiKey);
    try {
      const provider = createGoogle({ baseURL: server.url });
      expect(shownEverywhere(provider)).not.toContain(testApiKey);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
