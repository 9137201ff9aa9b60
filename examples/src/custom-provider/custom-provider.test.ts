import { LLMManager, registerProvider, unregisterProvider } from "@ffc/core";
import { FakeServer, providerConformanceChecks } from "@ffc/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlainHttpProvider } from "./plain-http-provider";
import { plainHttpWireAdapter } from "./plain-http-wire";

const server = new FakeServer(() =>
  plainHttpWireAdapter.text({ text: "default", usage: { inputTokens: 1, outputTokens: 1 }, model: "tiny" }),
);
beforeAll(() => server.start());
afterAll(() => server.close());

describe("a provider written from scratch passes the same conformance checks as the built-in ones", () => {
  const checks = providerConformanceChecks({
    adapter: plainHttpWireAdapter,
    server,
    model: "tiny",
    createProvider: ({ baseURL, apiKey }) => createPlainHttpProvider({ baseURL, apiKey }),
  });
  for (const check of checks) it(check.name, check.run);
});

describe("registering the custom provider by id", () => {
  it("is used by LLMManager through its id, with the config's key and base URL", async () => {
    registerProvider("plain-http", (settings) =>
      createPlainHttpProvider({
        baseURL: settings.baseURL ?? "http://127.0.0.1:1",
        apiKey: settings.apiKey ?? "",
      }),
    );
    try {
      server.reset();
      server.enqueue(
        plainHttpWireAdapter.text({
          text: "Hi from plain-http",
          usage: { inputTokens: 9, outputTokens: 4 },
          model: "tiny",
        }),
      );
      const llm = new LLMManager({
        provider: "plain-http",
        model: "tiny",
        apiKey: "plain-key-123456",
        baseURL: server.url,
      });
      const result = await llm.generate({ prompt: "Hello" });
      expect(result.text).toBe("Hi from plain-http");
      expect(result.provider).toBe("plain-http");
      expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 4, totalTokens: 13 });
      expect(server.requests[0]!.headers.authorization).toBe("Bearer plain-key-123456");
    } finally {
      unregisterProvider("plain-http");
    }
  });

  it("fails at construction when no key is given, naming the option and the variable", () => {
    const saved = process.env.PLAIN_HTTP_API_KEY;
    delete process.env.PLAIN_HTTP_API_KEY;
    try {
      expect(() => createPlainHttpProvider({ baseURL: server.url })).toThrow(/"apiKey".*PLAIN_HTTP_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.PLAIN_HTTP_API_KEY = saved;
    }
  });
});
