import { inspect } from "node:util";
import type { LanguageRequest } from "@ffc/core";
import { createOpenAIServer, type FakeServer, openaiErrorReply } from "@ffc/testing";
import OpenAI from "openai";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";

const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const apiKey = "sk-proj-VERY-SECRET-key-4f9a8b7c6d5e";
const request: LanguageRequest = { model: "gpt-4o", messages: [{ role: "user", content: "hi" }] };

function everyView(value: unknown): string {
  return [
    String(value),
    JSON.stringify(value),
    inspect(value, { depth: 10 }),
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

describe("the API key never shows", () => {
  it("in errors whose vendor message echoes the full key (as some compatible servers do)", async () => {
    server.enqueue(openaiErrorReply("authentication", { message: `Incorrect API key provided: ${apiKey}.` }));
    const error = await failure(() =>
      createOpenAI({ apiKey, baseURL: `${server.url}/v1` }).generate(request),
    );
    expect((error as Error).name).toBe("AuthenticationError");
    expect((error as Error).message).toContain("[redacted]");
    expect(everyView(error)).not.toContain(apiKey);
  });

  it("in the cause chain of a connection reset, a 500, a rate limit and an in-band failure", async () => {
    const provider = createOpenAI({ apiKey, baseURL: `${server.url}/v1` });
    server.enqueue(
      { kind: "reset" },
      openaiErrorReply("server"),
      openaiErrorReply("rate-limit", { retryAfterSeconds: 1 }),
      {
        kind: "raw",
        status: 200,
        contentType: "text/event-stream",
        body: `data: {"error":{"message":"bad key ${apiKey}"}}\n\n`,
      },
    );
    const errors = [
      await failure(() => provider.generate(request)),
      await failure(() => provider.generate(request)),
      await failure(() => provider.generate(request)),
      await failure(async () => {
        for await (const _part of provider.stream(request)) {
          // consume
        }
      }),
    ];
    for (const error of errors) expect(everyView(error)).not.toContain(apiKey);
    expect(errors.every((error) => (error as Error).cause !== undefined)).toBe(true);
  });

  it("in the provider object, created from a key or from an SDK client", () => {
    const fromKey = createOpenAI({ apiKey, baseURL: `${server.url}/v1` });
    const fromClient = createOpenAI({ client: new OpenAI({ apiKey, baseURL: `${server.url}/v1` }) });
    for (const provider of [fromKey, fromClient]) {
      expect(everyView(provider)).not.toContain(apiKey);
      expect(Object.values(provider).map(String).join(" ")).not.toContain(apiKey);
    }
  });

  it("in the ConfigError for bad options", () => {
    let error: unknown;
    try {
      createOpenAI({ apiKey, baseURL: `not a url ${apiKey}` });
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).name).toBe("ConfigError");
    expect((error as Error).message).toContain('"baseURL"');
    expect(everyView(error)).not.toContain(apiKey);
  });
});

describe("an existing SDK client", () => {
  it("is used as it is, with FFC still turning its retries off", async () => {
    const client = new OpenAI({ apiKey, baseURL: `${server.url}/v1`, maxRetries: 5 });
    server.enqueue(openaiErrorReply("server"));
    await failure(() => createOpenAI({ client }).generate(request));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
  });
});
