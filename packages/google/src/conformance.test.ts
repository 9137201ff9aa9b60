import { createGoogleServer, googleWireAdapter, providerConformanceChecks } from "@ffc/testing";
import { GoogleGenerativeAI } from "@google/generative-ai";
import { afterAll, describe, it } from "vitest";
import { createGoogle } from "./google-provider";

// The suite reads the server when it builds its checks, so it starts before they are defined.
const server = await createGoogleServer();
afterAll(() => server.close());

describe("provider conformance over @google/genai", () => {
  const checks = providerConformanceChecks({
    adapter: googleWireAdapter,
    server,
    createProvider: ({ baseURL, apiKey }) => createGoogle({ apiKey, baseURL }),
    model: "gemini-2.5-flash",
  });
  for (const check of checks) it(check.name, check.run);
});

describe("provider conformance over a legacy @google/generative-ai client", () => {
  const checks = providerConformanceChecks({
    adapter: googleWireAdapter,
    server,
    createProvider: ({ baseURL, apiKey }) =>
      createGoogle({ legacyClient: new GoogleGenerativeAI(apiKey), baseURL }),
    model: "gemini-2.5-flash",
  });
  for (const check of checks) it(check.name, check.run);
});
