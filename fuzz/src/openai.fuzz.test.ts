import { createOpenAI } from "@ffc/openai";
import { createOpenAIServer } from "@ffc/testing";
import { afterAll, it } from "vitest";
import { apiKey, secretHeaders } from "./leak-check";
import { openaiAdapter } from "./vendor-adapters";
import { fuzzVendorReplies } from "./vendor-fuzz";

// One server for every case: starting one per case would cost more than the cases.
const server = await createOpenAIServer();
afterAll(() => server.close());

it("OpenAI: every fuzzed vendor reply ends in a result or an FFC error, in time, without leaking", async () => {
  const provider = createOpenAI({ apiKey, baseURL: `${server.url}/v1`, headers: secretHeaders });
  await fuzzVendorReplies({ adapter: openaiAdapter, server, provider });
});
