import { createGoogleServer } from "@ffc/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createGoogle } from "./google-provider";

// vitest.config.ts runs every test file once per supported @google/genai major; this one proves
// that the requests of a run really come from the major the run is named after.
const server = await createGoogleServer();
afterAll(() => server.close());

describe("the @google/genai major under test", () => {
  it("sends the requests of this run", async () => {
    const underTest = process.env.FFC_SDK_UNDER_TEST ?? "";
    expect(underTest).toMatch(/^@google\/genai@\d+$/);
    const provider = createGoogle({ apiKey: "AIza-sdk-major-test", baseURL: server.url });
    await provider.generate({ model: "gemini-2.5-flash", messages: [{ role: "user", content: "Hi" }] });
    const client = String(server.requests.at(-1)?.headers["x-goog-api-client"]);
    expect(client).toContain(`google-genai-sdk/${underTest.slice("@google/genai@".length)}.`);
  });
});
