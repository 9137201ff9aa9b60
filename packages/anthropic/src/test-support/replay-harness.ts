import type { LanguageRequest, ProviderResult, StreamPart } from "@ffc/core";
import { StreamAccumulator } from "@ffc/core/provider";
import { createAnthropicServer, type FakeServer, type Reply } from "@ffc/testing";
import { createAnthropic } from "../anthropic-provider";

/**
 * A started fake Anthropic server and helpers that replay one reply through the real SDK, shared
 * by the fixture and recording replay tests. The test file closes and resets the server.
 */
export async function createReplayHarness() {
  const server: FakeServer = await createAnthropicServer();
  const provider = () => createAnthropic({ apiKey: "sk-ant-fixture-key", baseURL: server.url });
  const request = (extra: Partial<LanguageRequest> = {}): LanguageRequest => ({
    model: "claude-sonnet-4-6",
    messages: [{ role: "user", content: "Hello" }],
    maxTokens: 256,
    ...extra,
  });
  async function generate(reply: Reply, extra?: Partial<LanguageRequest>): Promise<ProviderResult> {
    server.enqueue(reply);
    return provider().generate(request(extra));
  }
  async function stream(reply: Reply, extra?: Partial<LanguageRequest>): Promise<StreamAccumulator> {
    server.enqueue(reply);
    const collected = new StreamAccumulator();
    for await (const part of provider().stream(request(extra))) collected.add(part);
    return collected;
  }
  return { server, provider, request, generate, stream };
}

/** The finish parts of a stream (exactly one is expected). */
export const finishes = (parts: readonly StreamPart[]) => parts.filter((part) => part.type === "finish");
