// Type-checked with tsc in an app outside the workspace (scripts/pack-check.sh), then run: each
// provider built on a client of the app's own SDK (the current majors: openai 7, @anthropic-ai/sdk
// 1.17, @google/genai 3), generating and streaming against FFC's fake vendor servers.
import Anthropic from "@anthropic-ai/sdk";
import { createAnthropic } from "@ffc/anthropic";
import { type LanguageProvider, LLMManager } from "@ffc/core";
import { createGoogle } from "@ffc/google";
import { createOpenAI } from "@ffc/openai";
import { createAnthropicServer, createGoogleServer, createOpenAIServer } from "@ffc/testing";
import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";

const openaiServer = await createOpenAIServer();
const anthropicServer = await createAnthropicServer();
const googleServer = await createGoogleServer();

const providers: Array<[LanguageProvider, string]> = [
  [
    createOpenAI({
      client: new OpenAI({ apiKey: "sk-pack-check", baseURL: `${openaiServer.url}/v1`, maxRetries: 0 }),
    }),
    "gpt-5.4",
  ],
  [
    createAnthropic({
      client: new Anthropic({ apiKey: "sk-ant-pack-check", baseURL: anthropicServer.url, maxRetries: 0 }),
    }),
    "claude-sonnet-4-6",
  ],
  [
    createGoogle({
      client: new GoogleGenAI({
        apiKey: "AIza-pack-check",
        httpOptions: { baseUrl: googleServer.url, apiVersion: "v1beta" },
      }),
    }),
    "gemini-2.5-flash",
  ],
];

try {
  for (const [provider, model] of providers) {
    const llm = new LLMManager({ provider, model, maxTokens: 100 });
    const result = await llm.generate({ prompt: "Say hi" });
    let streamed = "";
    for await (const delta of llm.stream({ prompt: "Say hi" }).text) streamed += delta;
    if (!result.text || !streamed) throw new Error(`${provider.id}: no text from generate or stream`);
    console.log(`${provider.id} ${model}: generate and stream passed`);
  }
} finally {
  await Promise.all([openaiServer.close(), anthropicServer.close(), googleServer.close()]);
}
