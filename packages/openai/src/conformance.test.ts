import {
  createOpenAIServer,
  type FakeServer,
  openaiResponsesWireAdapter,
  openaiWireAdapter,
  providerConformanceChecks,
} from "@ffc/testing";
import { afterAll, describe, it } from "vitest";
import { createOpenAI } from "./openai-provider";

// The suite reads the server when its checks are built, so it must be running already.
const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());

// The suite hands over the bare origin; the SDK wants the versioned base URL, like api.openai.com/v1.
describe("conformance: Chat Completions", () => {
  const checks = providerConformanceChecks({
    adapter: openaiWireAdapter,
    server,
    createProvider: ({ baseURL, apiKey }) => createOpenAI({ baseURL: `${baseURL}/v1`, apiKey }),
    model: "gpt-4o",
  });
  for (const check of checks) it(check.name, check.run);
});

describe("conformance: Responses API", () => {
  const checks = providerConformanceChecks({
    adapter: openaiResponsesWireAdapter,
    server,
    createProvider: ({ baseURL, apiKey }) =>
      createOpenAI({ baseURL: `${baseURL}/v1`, apiKey, api: "responses" }),
    model: "gpt-4o",
  });
  for (const check of checks) it(check.name, check.run);
});
