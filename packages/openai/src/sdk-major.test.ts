import { createOpenAIServer } from "@ffc/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";

// vitest.config.ts runs every test file once per supported `openai` major; this one proves that
// the requests of a run really come from the SDK version the run is named after.
const server = await createOpenAIServer();
afterAll(() => server.close());

describe("the openai SDK version under test", () => {
  it("sends the requests of this run", async () => {
    const underTest = process.env.FFC_SDK_UNDER_TEST ?? "";
    expect(underTest).toMatch(/^openai@\d+$/);
    const provider = createOpenAI({ apiKey: "sk-sdk-major-test", baseURL: `${server.url}/v1` });
    await provider.generate({ model: "gpt-5.4", messages: [{ role: "user", content: "Hi" }] });
    const version = String(server.requests.at(-1)?.headers["x-stainless-package-version"]);
    expect(version.startsWith(`${underTest.slice("openai@".length)}.`)).toBe(true);
  });
});
