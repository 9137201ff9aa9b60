import type { LanguageRequest, StreamPart } from "@ffc/core";
import { StreamAccumulator } from "@ffc/core/provider";
import type { FakeServer } from "@ffc/testing";
import { GoogleGenerativeAI } from "@google/generative-ai";
import type { GoogleProviderOptions } from "../google-options";
import { createGoogle, type GoogleProvider } from "../google-provider";

/** The key tests use; easy to search for in output. */
export const testApiKey = "AIza-ffc-test-SECRET-0123456789abcdef";

/** The two ways the provider reaches Gemini; tests that replay wire data run over both. */
export const transports: Array<{
  name: string;
  create(server: FakeServer, options?: GoogleProviderOptions): GoogleProvider;
}> = [
  {
    name: "@google/genai",
    create: (server, options = {}) => createGoogle({ apiKey: testApiKey, baseURL: server.url, ...options }),
  },
  {
    name: "legacy @google/generative-ai client",
    create: (server, options = {}) =>
      createGoogle({ legacyClient: new GoogleGenerativeAI(testApiKey), baseURL: server.url, ...options }),
  },
];

/** A one-turn request. */
export function userRequest(text: string, extra: Partial<LanguageRequest> = {}): LanguageRequest {
  return { model: "gemini-2.5-flash", messages: [{ role: "user", content: text }], ...extra };
}

/** Reads a whole stream: its parts and what they add up to. */
export async function collect(
  stream: AsyncIterable<StreamPart>,
): Promise<{ parts: StreamPart[]; result: StreamAccumulator }> {
  const result = new StreamAccumulator();
  for await (const part of stream) result.add(part);
  return { parts: result.parts, result };
}

/** The error a call fails with (and a failure if it succeeds). */
export async function failure(run: () => Promise<unknown>): Promise<any> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
