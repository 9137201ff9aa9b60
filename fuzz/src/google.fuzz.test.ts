import { createGoogle } from "@ffc/google";
import { createGoogleServer } from "@ffc/testing";
import { afterAll, it } from "vitest";
import { apiKey, secretHeaders } from "./leak-check";
import { googleAdapter } from "./vendor-adapters";
import { fuzzVendorReplies } from "./vendor-fuzz";

// One server for every case: starting one per case would cost more than the cases.
const server = await createGoogleServer();
afterAll(() => server.close());

it("Gemini: every fuzzed vendor reply ends in a result or an FFC error, in time, without leaking", async () => {
  const provider = createGoogle({ apiKey, baseURL: server.url, headers: secretHeaders });
  await fuzzVendorReplies({ adapter: googleAdapter, server, provider });
});
