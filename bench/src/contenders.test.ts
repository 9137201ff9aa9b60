import { createOpenAIServer, type FakeServer } from "@ffc/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchAnswer } from "./bench-settings";
import { type Contender, contenderIds, createContenders } from "./contenders";
import { streamText } from "./stream-text";

// The harness is never timed in tests; these calls only prove that every contender does the
// work the benchmark claims it does, so the harness cannot rot silently.
const streamParts = 50;
let generateServer: FakeServer;
let streamServer: FakeServer;
let contenders: Contender[];

beforeAll(async () => {
  generateServer = await createOpenAIServer({ text: benchAnswer });
  streamServer = await createOpenAIServer({ text: streamText(streamParts) });
  contenders = await createContenders({ generateUrl: generateServer.url, streamUrl: streamServer.url });
});

afterAll(async () => {
  await Promise.all([generateServer?.close(), streamServer?.close()]);
});

describe("benchmark contenders", () => {
  it("builds every contender in report order", () => {
    expect(contenders.map((contender) => contender.id)).toEqual(contenderIds);
  });

  it.each(contenderIds)("%s returns the fake server's answer, twice in a row", async (id) => {
    const contender = contenders.find((entry) => entry.id === id)!;
    generateServer.reset();
    expect(await contender.generate()).toBe(benchAnswer);
    expect(await contender.generate()).toBe(benchAnswer);
    // Every contender must do the same work: one Chat Completions request per call, no retry.
    expect(generateServer.requests.map((request) => request.path)).toEqual([
      "/v1/chat/completions",
      "/v1/chat/completions",
    ]);
  });

  it.each(contenderIds)("%s streams the long text as one delta per server chunk", async (id) => {
    const contender = contenders.find((entry) => entry.id === id)!;
    streamServer.reset();
    const deltas: string[] = [];
    for await (const delta of contender.stream()) deltas.push(delta);
    expect(deltas).toHaveLength(streamParts);
    expect(deltas.join("")).toBe(streamText(streamParts));
    expect(streamServer.requests.map((request) => request.path)).toEqual(["/v1/chat/completions"]);
    expect(streamServer.requests[0]!.body.stream).toBe(true);
  });

  it("puts every requested plugin in the full FFC stack or names it as missing", () => {
    const full = contenders.find((entry) => entry.id === "ffc-full")!.plugins!;
    const named = [...full.included, ...full.missing.map((entry) => entry.split(" ")[0])];
    expect(named.sort()).toEqual(
      ["BudgetManager", "FallbackConfig", "RateLimiter", "RetryConfig", "TokenTracker"].sort(),
    );
    expect(full.plugins.length + Object.keys(full.callOptions).length).toBe(full.included.length);
  });
});
