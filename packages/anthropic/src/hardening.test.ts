import { inspect } from "node:util";
import { LLMManager } from "@ffc/core";
import { anthropicMessageReply, createAnthropicServer, type FakeServer } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAnthropic } from "./anthropic-provider";

const server: FakeServer = await createAnthropicServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const apiKey = "sk-ant-hardening-SECRET-0a1b2c";
const gatewayKey = "gw-hardening-SECRET-4d5e6f";

describe("Anthropic hardening (issue 10)", () => {
  it("a gateway key echoed in request-id and the message is redacted (finding 7)", async () => {
    server.enqueue({
      kind: "json",
      status: 529,
      headers: { "request-id": `req_${gatewayKey}` },
      body: { type: "error", error: { type: "overloaded_error", message: `overloaded for ${gatewayKey}` } },
    });
    const provider = createAnthropic({
      apiKey,
      baseURL: server.url,
      headers: { "x-gateway-key": gatewayKey },
    });
    const events: unknown[] = [];
    const llm = new LLMManager({ provider, model: "claude-sonnet-4-5" });
    llm.on("*", (event) => {
      events.push(event);
    });
    const error = await llm.generate({ prompt: "hi" }).catch((thrown: unknown) => thrown);
    expect((error as Error).name).toBe("TemporaryError");
    for (const view of [
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      inspect(events, { depth: 10 }),
    ]) {
      expect(view).not.toContain(gatewayKey);
    }
  });

  it("maxTokens 1e9 computes no timer beyond 2^31-1 ms: no TimeoutOverflowWarning, no instant timeout (finding 4)", async () => {
    server.enqueue(
      anthropicMessageReply({
        model: "claude-sonnet-4-5",
        content: [{ type: "text", text: "fine" }],
        usage: { inputTokens: 3, outputTokens: 1 },
      }),
    );
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const provider = createAnthropic({ apiKey, baseURL: server.url });
      const result = await provider.generate({
        model: "claude-sonnet-4-5",
        maxTokens: 1_000_000_000,
        messages: [{ role: "user", content: "hi" }],
      });
      expect(result.text).toBe("fine");
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(warnings.filter((warning) => warning.name === "TimeoutOverflowWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("a malformed SSE chunk is not printed to the console by the SDK (finding 10)", async () => {
    server.enqueue({
      kind: "sse",
      events: [{ event: "message_start", data: "x" }],
      malformedAtEvent: 0,
    });
    const spies = (["log", "warn", "error", "info", "debug"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    try {
      const provider = createAnthropic({ apiKey, baseURL: server.url });
      const failure = await (async () => {
        for await (const _ of provider.stream({
          model: "claude-sonnet-4-5",
          messages: [{ role: "user", content: "hi" }],
        })) {
          // read
        }
      })().catch((error: unknown) => error);
      expect((failure as Error).name).toBe("TemporaryError");
      // The SDK's own deprecation notice for the model may print; the raw chunk must not.
      const printed = spies.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(" ")));
      expect(printed.filter((line) => /not json|parse/i.test(line))).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
