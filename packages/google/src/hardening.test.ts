import { inspect } from "node:util";
import { createGoogleServer, type FakeServer, googleSse } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createGoogle } from "./google-provider";

const server: FakeServer = await createGoogleServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const apiKey = "AIza-hardening-SECRET-0a1b2c";
const gatewayKey = "gw-hardening-SECRET-7a8b9c";
const request = { model: "gemini-2.5-flash", messages: [{ role: "user" as const, content: "hi" }] };

async function failure(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream) {
    // read every part
  }
}

describe("Gemini bodies that are not a response are retryable TemporaryErrors (issue 10, finding 6)", () => {
  for (const body of ["null", "", "42", '"text"', "[]", "not json at all", '{"candidates": [{"content"']) {
    it(`generate: a 200 with ${JSON.stringify(body)}`, async () => {
      server.enqueue({ kind: "raw", status: 200, body, contentType: "application/json" });
      const error = await failure(() => createGoogle({ apiKey, baseURL: server.url }).generate(request));
      expect(error.name).toBe("TemporaryError");
      expect((error as { retryable?: boolean }).retryable).toBe(true);
      expect(error.message).not.toMatch(/sdkHttpResponse|Cannot (set|read) properties/);
    });
  }

  it("stream: a null chunk", async () => {
    server.enqueue(googleSse(["null"]));
    const error = await failure(() => drain(createGoogle({ apiKey, baseURL: server.url }).stream(request)));
    expect(error.name).toBe("TemporaryError");
  });
});

describe("redaction covers configured headers (issue 10, finding 7)", () => {
  it("a gateway key echoed in x-request-id and the message is redacted", async () => {
    server.enqueue({
      kind: "json",
      status: 503,
      headers: { "x-request-id": `id-${gatewayKey}` },
      body: { error: { code: 503, message: `unavailable for ${gatewayKey}`, status: "UNAVAILABLE" } },
    });
    const provider = createGoogle({ apiKey, baseURL: server.url, headers: { "x-gateway-key": gatewayKey } });
    const error = await failure(() => provider.generate(request));
    expect(error.name).toBe("TemporaryError");
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(gatewayKey);
    expect(JSON.stringify(error)).not.toContain(gatewayKey);
  });
});
