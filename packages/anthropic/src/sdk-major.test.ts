import { createAnthropicServer } from "@ffc/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";

// vitest.config.ts runs every test file once per supported @anthropic-ai/sdk version; this one
// proves that the requests of a run really come from the version the run is named after.
const server = await createAnthropicServer();
afterAll(() => server.close());

describe("the @anthropic-ai/sdk version under test", () => {
  it("sends the requests of this run", async () => {
    const underTest = process.env.FFC_SDK_UNDER_TEST ?? "";
    expect(underTest).toMatch(/^@anthropic-ai\/sdk@\d+\.\d+$/);
    const provider = createAnthropic({ apiKey: "sk-ant-sdk-major-test", baseURL: server.url });
    await provider.generate({ model: "claude-sonnet-4-6", messages: [{ role: "user", content: "Hi" }] });
    const version = String(server.requests.at(-1)?.headers["x-stainless-package-version"]);
    expect(version.startsWith(`${underTest.slice("@anthropic-ai/sdk@".length)}.`)).toBe(true);
  });
});
