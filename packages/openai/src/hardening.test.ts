import { inspect } from "node:util";
import { LLMManager } from "@ffc/core";
import { createOpenAIServer, type FakeServer } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";

const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const apiKey = "sk-hardening-SECRET-0a1b2c3d4e";
const gatewayKey = "gw-hardening-SECRET-9f8e7d";

describe("redaction covers every configured secret (issue 10, finding 7)", () => {
  it("a gateway key in headers, echoed in the request id and the message, is redacted everywhere", async () => {
    server.enqueue({
      kind: "json",
      status: 500,
      headers: { "x-request-id": `req-${gatewayKey}` },
      body: { error: { message: `upstream rejected ${gatewayKey} and ${apiKey}`, type: "server_error" } },
    });
    const provider = createOpenAI({
      apiKey,
      baseURL: `${server.url}/v1`,
      headers: { "x-gateway-key": gatewayKey },
    });
    const llm = new LLMManager({ provider, model: "gpt-4o" });
    const events: unknown[] = [];
    llm.on("*", (event) => {
      events.push(event);
    });
    const error = await llm.generate({ prompt: "hi" }).catch((thrown: unknown) => thrown);
    expect(server.requests[0]!.headers["x-gateway-key"]).toBe(gatewayKey);
    expect((error as Error).name).toBe("TemporaryError");
    expect((error as { requestId: string }).requestId).toBe("req-[redacted]");
    for (const view of [
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      inspect(events, { depth: 10 }),
    ]) {
      expect(view).not.toContain(gatewayKey);
      expect(view).not.toContain(apiKey);
    }
  });

  it("LLMConfig.headers values never show in the manager's JSON or inspect output", () => {
    const llm = new LLMManager({
      provider: createOpenAI({ apiKey, baseURL: `${server.url}/v1` }),
      model: "gpt-4o",
      headers: { "x-gateway-key": gatewayKey },
    });
    expect(JSON.stringify(llm)).not.toContain(gatewayKey);
    expect(inspect(llm)).not.toContain(gatewayKey);
    expect(JSON.stringify(llm)).toContain("x-gateway-key");
  });
});
