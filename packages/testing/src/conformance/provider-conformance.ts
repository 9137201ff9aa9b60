import { inspect } from "node:util";
import {
  AbortError,
  AuthenticationError,
  ContextLengthError,
  FFCError,
  InvalidRequestError,
  type LanguageProvider,
  type LanguageRequest,
  RateLimitError,
  TemporaryError,
} from "@ffc/core";
import { StreamAccumulator } from "@ffc/core/provider";
import type { ConformanceCheck } from "./conformance-check";

import { expectEqual, failure } from "./expectations";
import type { ConformanceTarget, ScriptedErrorKind, ScriptedUsage } from "./wire-adapter";

/** A key that looks real and is easy to search for in output. */
export const conformanceApiKey = "sk-ffc-conformance-SECRET-0123456789abcdef";

/**
 * The checks every provider must pass, run through the real SDK over real HTTP against a
 * fake vendor server. Run them with any test runner:
 * `for (const check of providerConformanceChecks(target)) it(check.name, check.run)`.
 */
export function providerConformanceChecks(target: ConformanceTarget): ConformanceCheck[] {
  const { adapter, server, model } = target;
  const usage: ScriptedUsage = {
    inputTokens: 120,
    outputTokens: 30,
    cacheReadTokens: 100,
    reasoningTokens: 10,
  };
  const provider = (): LanguageProvider =>
    target.createProvider({ baseURL: server.url, apiKey: conformanceApiKey });
  const request = (extra: Partial<LanguageRequest> = {}): LanguageRequest => ({
    model,
    messages: [
      { role: "system", content: "You are a conformance test." },
      { role: "user", content: "Say hello." },
    ],
    maxTokens: 64,
    ...extra,
  });
  const check = (name: string, run: () => Promise<void>): ConformanceCheck => ({
    name,
    run: async () => {
      server.reset();
      await run();
    },
  });

  const checks: ConformanceCheck[] = [
    check("generate returns the text, finish reason and normalized usage", async () => {
      server.enqueue(adapter.text({ text: "Hello there.", usage, model }));
      const result = await provider().generate(request());
      expectEqual(result.text, "Hello there.", "text");
      expectEqual(result.finishReason, "stop", "finishReason");
      expectUsage(result.usage, usage);
    }),
    check("generate sends the system prompt and the user message", async () => {
      server.enqueue(adapter.text({ text: "ok", usage, model }));
      await provider().generate(request());
      const prompt = adapter.readPrompt(server.requests[0]!.body);
      expectEqual(prompt.system, "You are a conformance test.", "system prompt sent");
      expectEqual(prompt.user.join(" "), "Say hello.", "user text sent");
    }),
    check("stream yields the text deltas in order and ends with usage", async () => {
      server.enqueue(adapter.textStream({ chunks: ["Hel", "lo ", "there."], usage, model }));
      const collected = new StreamAccumulator();
      for await (const part of provider().stream(request())) collected.add(part);
      expectEqual(collected.text, "Hello there.", "streamed text");
      expectEqual(collected.finish?.finishReason, "stop", "finishReason");
      expectUsage(collected.result(model).usage, usage);
    }),
    check("generate returns a tool call with parsed arguments", async () => {
      const input = { city: "Paris", days: 3 };
      server.enqueue(adapter.toolCall({ toolCallId: "call_1", toolName: "weather", input, usage, model }));
      const result = await provider().generate(request({ tools: [weatherTool] }));
      expectEqual(result.toolCalls.length, 1, "tool call count");
      expectEqual(result.toolCalls[0]!.toolName, "weather", "tool name");
      expectEqual(JSON.stringify(result.toolCalls[0]!.input), JSON.stringify(input), "tool input");
      expectEqual(result.finishReason, "tool-calls", "finishReason");
    }),
    check("stream assembles a tool call from argument deltas", async () => {
      const input = { city: "Paris", days: 3 };
      server.enqueue(
        adapter.toolCallStream({ toolCallId: "call_1", toolName: "weather", input, usage, model }),
      );
      const collected = new StreamAccumulator();
      for await (const part of provider().stream(request({ tools: [weatherTool] }))) collected.add(part);
      expectEqual(collected.toolCalls.length, 1, "tool call count");
      expectEqual(JSON.stringify(collected.toolCalls[0]!.input), JSON.stringify(input), "tool input");
      expectEqual(collected.finish?.finishReason, "tool-calls", "finishReason");
    }),
  ];

  const errorCases: Array<[ScriptedErrorKind, Function, boolean]> = [
    ["authentication", AuthenticationError, false],
    ["rate-limit", RateLimitError, true],
    ["quota-exhausted", RateLimitError, false],
    ["overloaded", TemporaryError, true],
    ["server", TemporaryError, true],
    ["context-length", ContextLengthError, false],
    ["invalid-request", InvalidRequestError, false],
    ["not-found", InvalidRequestError, false],
  ];
  for (const [kind, errorClass, retryable] of errorCases) {
    checks.push(
      check(`maps a ${kind} error to ${errorClass.name} (retryable: ${retryable})`, async () => {
        server.enqueue(adapter.error(kind, { retryAfterSeconds: kind === "rate-limit" ? 2 : undefined }));
        const error = await failure(() => provider().generate(request()));
        expectErrorClass(error, errorClass);
        expectEqual((error as FFCError).retryable, retryable, "retryable");
        expectEqual((error as FFCError).provider, provider().id, "error.provider");
        if (kind === "rate-limit") expectEqual((error as FFCError).retryAfterMs, 2000, "retryAfterMs");
        expectNoSecret(error);
      }),
    );
  }

  checks.push(
    check("maps a connection reset to a retryable TemporaryError", async () => {
      server.enqueue({ kind: "reset" });
      const error = await failure(() => provider().generate(request()));
      expectErrorClass(error, TemporaryError);
      expectNoSecret(error);
    }),
    check("maps a stream cut short to a retryable typed error", async () => {
      server.enqueue({
        ...adapter.textStream({ chunks: ["a", "b", "c", "d", "e"], usage, model }),
        cutAfterEvents: 2,
      });
      const error = await failure(async () => {
        for await (const _part of provider().stream(request())) {
          // Consume until the cut.
        }
      });
      expectErrorClass(error, TemporaryError);
    }),
    check("maps a malformed stream chunk to a typed error", async () => {
      server.enqueue({
        ...adapter.textStream({ chunks: ["a", "b", "c"], usage, model }),
        malformedAtEvent: 1,
      });
      const error = await failure(async () => {
        for await (const _part of provider().stream(request())) {
          // Consume until the bad chunk.
        }
      });
      expectErrorClass(error, FFCError);
    }),
    check("maps an error reported after HTTP 200 to a typed error", async () => {
      server.enqueue(adapter.inBandError({ model }));
      const error = await failure(async () => {
        for await (const _part of provider().stream(request())) {
          // Consume until the error.
        }
      });
      expectErrorClass(error, FFCError);
      expectNoSecret(error);
    }),
    check("stops at once with AbortError when the signal aborts", async () => {
      server.enqueue({ kind: "hang" });
      const controller = new AbortController();
      // Abort once the server holds the request, so it never arrives during a later check.
      const before = server.requests.length;
      void server.received(before + 1).then(() => controller.abort());
      const started = Date.now();
      const error = await failure(() => provider().generate(request({ signal: controller.signal })));
      expectErrorClass(error, AbortError);
      if (Date.now() - started > 2000) throw new Error("the abort took longer than 2 s to end the request");
    }),
    check("never shows the API key in JSON or inspect output of the provider", async () => {
      const instance = provider();
      const shown = `${JSON.stringify(instance)} ${inspect(instance, { depth: 5, showHidden: true })}`;
      if (shown.includes(conformanceApiKey))
        throw new Error("the API key appears in the provider's JSON or inspect output");
    }),
  );
  return checks;
}

const weatherTool = {
  name: "weather",
  description: "Weather forecast for a city.",
  inputSchema: {
    type: "object",
    properties: { city: { type: "string" }, days: { type: "number" } },
    required: ["city", "days"],
  },
};

function expectUsage(actual: ScriptedUsage, expected: ScriptedUsage): void {
  expectEqual(actual.inputTokens, expected.inputTokens, "usage.inputTokens");
  expectEqual(actual.outputTokens, expected.outputTokens, "usage.outputTokens");
  for (const key of ["cacheReadTokens", "cacheWriteTokens", "reasoningTokens"] as const) {
    if (expected[key] !== undefined) expectEqual(actual[key], expected[key], `usage.${key}`);
  }
}

function expectErrorClass(error: unknown, errorClass: Function): void {
  const check = (errorClass as unknown as { isInstance(value: unknown): boolean }).isInstance;
  if (!check(error)) {
    const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`expected ${errorClass.name}, got ${name}`);
  }
}

function expectNoSecret(error: unknown): void {
  const shown = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 6 })}`;
  if (shown.includes(conformanceApiKey))
    throw new Error("the API key appears in an error's message, JSON or inspect output");
}
