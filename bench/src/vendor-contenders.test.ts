import { createAnthropicServer, createGoogleServer, type FakeServer } from "@ffc/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchAnswer } from "./bench-settings";
import { createContenders } from "./contenders";
import { streamText } from "./stream-text";
import { type BenchVendor, vendorGroups } from "./vendor-contenders";

// As contenders.test.ts for OpenAI: every Anthropic and Gemini contender does the work it is timed for.
const streamParts = 50;
const servers: Record<BenchVendor, { generate: FakeServer; stream: FakeServer }> = {} as never;
/** The wire path of one call, without the model name or query. */
const wirePath: Record<BenchVendor, RegExp> = {
  anthropic: /^\/v1\/messages$/,
  google: /^\/v1beta\/models\/[^:]+:(generateContent|streamGenerateContent)/,
};

beforeAll(async () => {
  servers.anthropic = {
    generate: await createAnthropicServer({ respond: () => benchAnswer }),
    stream: await createAnthropicServer({ respond: () => streamText(streamParts) }),
  };
  servers.google = {
    generate: await createGoogleServer({ text: benchAnswer }),
    stream: await createGoogleServer({ text: streamText(streamParts) }),
  };
});

afterAll(async () => {
  await Promise.all(Object.values(servers).flatMap((pair) => [pair.generate?.close(), pair.stream?.close()]));
});

describe.each(Object.keys(vendorGroups) as BenchVendor[])("%s contenders", (vendor) => {
  const ids = vendorGroups[vendor];

  it.each(ids)("%s answers each call with one request and streams one delta per chunk", async (id) => {
    const { generate, stream } = servers[vendor];
    const [contender] = await createContenders({ generateUrl: generate.url, streamUrl: stream.url }, [id]);
    generate.reset();
    expect(await contender!.generate()).toBe(benchAnswer);
    expect(await contender!.generate()).toBe(benchAnswer);
    expect(generate.requests).toHaveLength(2);
    for (const request of generate.requests) expect(request.path).toMatch(wirePath[vendor]);
    stream.reset();
    const deltas: string[] = [];
    for await (const delta of contender!.stream()) deltas.push(delta);
    expect(deltas).toHaveLength(streamParts);
    expect(deltas.join("")).toBe(streamText(streamParts));
    expect(stream.requests).toHaveLength(1);
    if (id.endsWith("-full")) {
      expect(contender!.plugins!.missing).toEqual([]);
      expect(contender!.plugins!.included).toHaveLength(5);
    }
  });
});
