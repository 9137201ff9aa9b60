import { anthropicWireAdapter, createAnthropicServer, providerConformanceChecks } from "@ffc/testing";
import { afterAll, describe, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";

// The suite takes the started server when the checks are built, so start it at load time.
const server = await createAnthropicServer();
afterAll(() => server.close());

describe("Anthropic provider conformance", () => {
  const checks = providerConformanceChecks({
    adapter: anthropicWireAdapter,
    server,
    createProvider: ({ baseURL, apiKey }) => createAnthropic({ baseURL, apiKey }),
    model: "claude-sonnet-4-6",
  });
  for (const check of checks) it(check.name, check.run);
});
