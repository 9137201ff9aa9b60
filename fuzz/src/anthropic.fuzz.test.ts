import { createAnthropic } from "@ffc/anthropic";
import { createAnthropicServer } from "@ffc/testing";
import { afterAll, it } from "vitest";
import { apiKey, secretHeaders } from "./leak-check";
import { anthropicAdapter } from "./vendor-adapters";
import { fuzzVendorReplies } from "./vendor-fuzz";

// One server for every case: starting one per case would cost more than the cases.
const server = await createAnthropicServer();
afterAll(() => server.close());

it("Anthropic: every fuzzed vendor reply ends in a result or an FFC error, in time, without leaking", async () => {
  const provider = createAnthropic({ apiKey, baseURL: server.url, headers: secretHeaders });
  await fuzzVendorReplies({ adapter: anthropicAdapter, server, provider });
});
