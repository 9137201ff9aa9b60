import { createAnthropicServer, createOpenAIServer, type FakeServer } from "@ffc/testing";

/** The fake vendor servers the demo runs on when no API key is set. */
export interface FakeVendors {
  openai: FakeServer;
  anthropic: FakeServer;
  close(): Promise<void>;
}

/**
 * Starts local fake OpenAI and Anthropic servers and points the SDKs at them through their
 * usual environment variables, so that the guide's code runs unchanged, with placeholder keys.
 */
export async function startFakeVendors(): Promise<FakeVendors> {
  const openai = await createOpenAIServer({ eventDelayMs: 15 });
  const anthropic = await createAnthropicServer();
  process.env.OPENAI_BASE_URL = `${openai.url}/v1`;
  process.env.OPENAI_API_KEY = "sk-local-fake-openai-key";
  process.env.ANTHROPIC_BASE_URL = anthropic.url;
  process.env.ANTHROPIC_API_KEY = "sk-ant-local-fake-anthropic-key";
  return {
    openai,
    anthropic,
    close: async () => {
      await Promise.all([openai.close(), anthropic.close()]);
    },
  };
}
