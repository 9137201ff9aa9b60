// Child process: what each plugin of the guide's stack costs per call without the network. The
// OpenAI provider (its model catalog and all) answers from memory instead of over HTTP, so the
// figures are FFC's own work: time per call in a tight loop and right after a raw SDK call over
// HTTP (as in an app), and bytes allocated per call (V8's sampling heap profiler, dead objects
// included) with the functions that allocate most.
import { Session } from "node:inspector/promises";
import type { GenerateOptions, LanguageProvider, Plugin, ProviderResult } from "@ffc/core";
import { benchAnswer, benchApiKey, benchModel, benchPrompt } from "./bench-settings";
import { ownerOf } from "./cpu-profile-summary";
import { fullPluginStack, type SinglePluginName, singlePlugin } from "./plugin-stack";
import { isEntryPoint, progress, reportToParent } from "./run-child";

/** The cost of one configuration of FFC, measured in-process. */
export interface PluginOverheadResult {
  id: string;
  label: string;
  /** Median over batches of CPU (wall, single-threaded loop) µs per call. */
  microsecondsPerCall: number;
  /**
   * Median µs of one call made right after a raw SDK call over HTTP, as in an app, where the
   * HTTP client's code runs between FFC's (absent when no server was given).
   */
  microsecondsBetweenHttpCalls?: number;
  /** Bytes allocated per call (sampled). */
  bytesPerCall: number;
  /** The functions that allocate most, in bytes per call. */
  topAllocators: { owner: string; functionName: string; bytesPerCall: number }[];
}

interface Variant {
  id: string;
  label: string;
  call: () => Promise<string>;
}

const answer: ProviderResult = {
  text: benchAnswer,
  content: [{ type: "text", text: benchAnswer }],
  toolCalls: [],
  finishReason: "stop",
  usage: { inputTokens: 12, outputTokens: 11, totalTokens: 23 },
  model: benchModel,
};

/** The real OpenAI provider object with its request answered from memory. */
async function inMemoryOpenAI(): Promise<LanguageProvider> {
  const { createOpenAI } = await import("@ffc/openai");
  const provider = createOpenAI({ apiKey: benchApiKey, baseURL: "http://127.0.0.1:9/v1" });
  return { ...provider, generate: async () => ({ ...answer, usage: { ...answer.usage } }) };
}

async function variants(): Promise<Variant[]> {
  const { LLMManager } = await import("@ffc/core");
  const primary = await inMemoryOpenAI();
  const backup = await inMemoryOpenAI();
  const variant = (id: string, label: string, plugins: Plugin[], options: Partial<GenerateOptions> = {}) => {
    const llm = new LLMManager({ provider: primary, model: benchModel }, { plugins });
    return { id, label, call: async () => (await llm.generate({ prompt: benchPrompt, ...options })).text };
  };
  const singles: [SinglePluginName, string][] = [
    ["tracking", "+ TokenTracker"],
    ["budget", "+ BudgetManager"],
    ["rate-limit", "+ RateLimiter"],
    ["retry", "+ RetryConfig"],
    ["fallback", "+ FallbackConfig"],
  ];
  const list = [variant("bare", "FFC bare", [])];
  for (const [name, label] of singles) {
    const single = await singlePlugin(name, primary, backup);
    list.push(variant(name, label, single.plugins, single.callOptions));
  }
  const full = await fullPluginStack(primary, backup);
  list.push(variant("full", "FFC + all five", full.plugins, full.callOptions));
  return list;
}

async function loop(variant: Variant, calls: number): Promise<void> {
  for (let index = 0; index < calls; index += 1) {
    if ((await variant.call()) !== benchAnswer) throw new Error(`${variant.id} answered wrongly.`);
  }
}

/** Median µs per call over round-robin batches, so that drift hits every variant alike. */
async function timePerCall(list: Variant[], rounds: number, batch: number): Promise<Map<string, number>> {
  const samples = new Map(list.map((variant) => [variant.id, [] as number[]]));
  for (let round = 0; round < rounds; round += 1) {
    for (let turn = 0; turn < list.length; turn += 1) {
      const variant = list[(round + turn) % list.length]!;
      const started = performance.now();
      await loop(variant, batch);
      samples.get(variant.id)!.push(((performance.now() - started) * 1000) / batch);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return new Map([...samples].map(([id, values]) => [id, median(values)]));
}

interface SamplingNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: SamplingNode[];
}

/** Bytes allocated per call, by function, from V8's sampling heap profiler. */
async function allocations(session: Session, variant: Variant, calls: number) {
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 512,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await loop(variant, calls);
  const { profile } = (await session.post("HeapProfiler.stopSampling")) as {
    profile: { head: SamplingNode };
  };
  const byFunction = new Map<string, { owner: string; functionName: string; bytes: number }>();
  let total = 0;
  const visit = (node: SamplingNode) => {
    const { functionName, url } = node.callFrame;
    if (node.selfSize > 0) {
      const owner = ownerOf(url, functionName || "(anonymous)");
      const key = `${owner} ${functionName}`;
      const entry = byFunction.get(key) ?? { owner, functionName: functionName || "(anonymous)", bytes: 0 };
      entry.bytes += node.selfSize;
      byFunction.set(key, entry);
      total += node.selfSize;
    }
    for (const child of node.children) visit(child);
  };
  visit(profile.head);
  const topAllocators = [...byFunction.values()]
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, 4)
    .map((entry) => ({
      owner: entry.owner,
      functionName: entry.functionName,
      bytesPerCall: entry.bytes / calls,
    }));
  return { bytesPerCall: total / calls, topAllocators };
}

/**
 * Median µs per call when each call follows a raw SDK call to `generateUrl` (not timed): FFC's
 * code then runs after the HTTP client's, as it does in an app, not in a tight loop of its own.
 */
async function timeBetweenHttpCalls(
  list: Variant[],
  generateUrl: string,
  rounds: number,
  batch: number,
): Promise<Map<string, number>> {
  const { default: OpenAI } = await import("openai");
  const client = new OpenAI({ apiKey: benchApiKey, baseURL: `${generateUrl}/v1`, maxRetries: 0 });
  const rawCall = () =>
    client.chat.completions.create({ model: benchModel, messages: [{ role: "user", content: benchPrompt }] });
  const samples = new Map(list.map((variant) => [variant.id, [] as number[]]));
  for (let round = 0; round < rounds; round += 1) {
    for (let turn = 0; turn < list.length; turn += 1) {
      const variant = list[(round + turn) % list.length]!;
      for (let call = 0; call < batch; call += 1) {
        await rawCall();
        const started = performance.now();
        if ((await variant.call()) !== benchAnswer) throw new Error(`${variant.id} answered wrongly.`);
        samples.get(variant.id)!.push((performance.now() - started) * 1000);
      }
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return new Map([...samples].map(([id, values]) => [id, median(values)]));
}

/**
 * Measures every variant; `quick` shrinks the counts to check the harness. With `generateUrl`
 * (a fake OpenAI server) each variant is also timed between raw SDK calls over HTTP.
 */
export async function measurePluginOverhead(
  quick: boolean,
  generateUrl?: string,
): Promise<PluginOverheadResult[]> {
  const list = await variants();
  for (const variant of list) await loop(variant, quick ? 200 : 3000);
  progress("plugin overhead: timing");
  const times = await timePerCall(list, quick ? 3 : 30, quick ? 100 : 1000);
  let betweenHttp: Map<string, number> | undefined;
  if (generateUrl) {
    progress("plugin overhead: timing between HTTP calls");
    betweenHttp = await timeBetweenHttpCalls(list, generateUrl, quick ? 2 : 20, quick ? 10 : 50);
  }
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.enable");
  const results: PluginOverheadResult[] = [];
  for (const variant of list) {
    progress(`plugin overhead: allocations of ${variant.id}`);
    const allocated = await allocations(session, variant, quick ? 500 : 10_000);
    results.push({
      id: variant.id,
      label: variant.label,
      microsecondsPerCall: times.get(variant.id)!,
      ...(betweenHttp ? { microsecondsBetweenHttpCalls: betweenHttp.get(variant.id)! } : {}),
      ...allocated,
    });
  }
  session.disconnect();
  return results;
}

if (isEntryPoint(import.meta.url)) {
  // An optional argument: the fake OpenAI server's origin, for the timing between HTTP calls.
  reportToParent(await measurePluginOverhead(process.env.FFC_BENCH_QUICK === "1", process.argv[2]));
}
