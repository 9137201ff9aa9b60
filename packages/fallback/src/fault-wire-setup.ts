import { createAnthropic } from "@ffc/anthropic";
import { type LLMEvent, LLMManager } from "@ffc/core";
import { createOpenAI } from "@ffc/openai";
import { createAnthropicServer, createOpenAIServer, type FakeServer } from "@ffc/testing";

/** Fake OpenAI and Anthropic servers on 127.0.0.1, with real SDK providers pointed at them. */
export interface WireBench {
  openaiServer: FakeServer;
  anthropicServer: FakeServer;
  openai: ReturnType<typeof createOpenAI>;
  anthropic: ReturnType<typeof createAnthropic>;
  close(): Promise<void>;
}

export async function startWireBench(): Promise<WireBench> {
  const [openaiServer, anthropicServer] = await Promise.all([createOpenAIServer(), createAnthropicServer()]);
  return {
    openaiServer,
    anthropicServer,
    openai: createOpenAI({ apiKey: "sk-ffc-fault-openai", baseURL: `${openaiServer.url}/v1` }),
    anthropic: createAnthropic({ apiKey: "sk-ant-ffc-fault", baseURL: anthropicServer.url }),
    close: async () => {
      await Promise.all([openaiServer.close(), anthropicServer.close()]);
    },
  };
}

/** A manager on the bench's OpenAI provider that records every event. */
export function wireManager(bench: WireBench) {
  const llm = new LLMManager({ provider: bench.openai, model: "gpt-4o" });
  const events: LLMEvent[] = [];
  llm.on("*", (event) => events.push(event));
  const eventsOf = <Type extends LLMEvent["type"]>(type: Type) =>
    events.filter((event): event is Extract<LLMEvent, { type: Type }> => event.type === type);
  return { llm, events, eventsOf };
}

/** The chain OpenAI gpt-4o, then Anthropic claude-haiku-4-5 (the SDK warns about deprecated claude-sonnet-4-5 on every call). */
export function openaiThenAnthropic(bench: WireBench) {
  return [
    { provider: bench.openai, model: "gpt-4o" },
    { provider: bench.anthropic, model: "claude-haiku-4-5" },
  ];
}

/** A small seeded generator (mulberry32), so that chaos runs replay exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
