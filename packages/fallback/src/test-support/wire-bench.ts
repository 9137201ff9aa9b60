import { createAnthropic } from "@ffc/anthropic";
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

/** Starts both fake servers and points a real SDK provider at each. */
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

/** The chain OpenAI gpt-4o, then Anthropic claude-haiku-4-5 (the SDK warns about deprecated claude-sonnet-4-5 on every call). */
export function openaiThenAnthropic(bench: WireBench) {
  return [
    { provider: bench.openai, model: "gpt-4o" },
    { provider: bench.anthropic, model: "claude-haiku-4-5" },
  ];
}
