import type { LanguageProvider } from "@ffc/core";
import { benchApiKey, benchPrompt } from "./bench-settings";
import type { Contender, ContenderTargets } from "./contenders";
import { fullPluginStack, type PluginStack } from "./plugin-stack";

/** Anthropic and Gemini: each vendor's raw SDK against FFC bare and FFC with the guide's stack. */
export type VendorContenderId =
  | "anthropic-raw"
  | "anthropic-bare"
  | "anthropic-full"
  | "google-raw"
  | "google-bare"
  | "google-full";

/** The vendors compared against their own SDKs, and their contenders (raw first: the baseline). */
export const vendorGroups = {
  anthropic: ["anthropic-raw", "anthropic-bare", "anthropic-full"],
  google: ["google-raw", "google-bare", "google-full"],
} as const satisfies Record<string, readonly VendorContenderId[]>;

/** A vendor of `vendorGroups`. */
export type BenchVendor = keyof typeof vendorGroups;

/** The model each vendor's contenders call. */
export const vendorModels: Record<BenchVendor, string> = {
  anthropic: "claude-haiku-4-5",
  google: "gemini-2.5-flash",
};

const labels: Record<VendorContenderId, string> = {
  "anthropic-raw": "raw @anthropic-ai/sdk (Messages)",
  "anthropic-bare": "FFC bare (@ffc/anthropic)",
  "anthropic-full": "FFC + retry, fallback, tracking, budget, rate limit (@ffc/anthropic)",
  "google-raw": "raw @google/genai (generateContent)",
  "google-bare": "FFC bare (@ffc/google)",
  "google-full": "FFC + retry, fallback, tracking, budget, rate limit (@ffc/google)",
};

/** Builds one Anthropic or Gemini contender; `targets` are that vendor's fake servers. */
export async function createVendorContender(
  id: VendorContenderId,
  targets: ContenderTargets,
): Promise<Contender> {
  const vendor: BenchVendor = id.startsWith("anthropic") ? "anthropic" : "google";
  if (id.endsWith("-raw")) return vendor === "anthropic" ? rawAnthropic(targets) : rawGoogle(targets);
  const model = vendorModels[vendor];
  const providerAt = async (origin: string): Promise<LanguageProvider> => {
    if (vendor === "anthropic") {
      const { createAnthropic } = await import("@ffc/anthropic");
      return createAnthropic({ apiKey: benchApiKey, baseURL: origin });
    }
    const { createGoogle } = await import("@ffc/google");
    return createGoogle({ apiKey: benchApiKey, baseURL: origin });
  };
  const { LLMManager } = await import("@ffc/core");
  const build = async (origin: string) => {
    const provider = await providerAt(origin);
    const stack: PluginStack | undefined = id.endsWith("-full")
      ? await fullPluginStack(provider, await providerAt(origin), model)
      : undefined;
    const llm = new LLMManager({ provider, model }, stack ? { plugins: stack.plugins } : {});
    return { llm, stack, callOptions: stack?.callOptions ?? {} };
  };
  const call = await build(targets.generateUrl);
  const streamed = await build(targets.streamUrl);
  return {
    id,
    label: labels[id],
    ...(call.stack ? { plugins: call.stack } : {}),
    async generate() {
      return (await call.llm.generate({ prompt: benchPrompt, ...call.callOptions })).text;
    },
    stream() {
      return streamed.llm.stream({ prompt: benchPrompt, ...streamed.callOptions }).text;
    },
  };
}

async function rawAnthropic(targets: ContenderTargets): Promise<Contender> {
  const { default: Anthropic } = await import("@anthropic-ai/sdk");
  const client = new Anthropic({ apiKey: benchApiKey, baseURL: targets.generateUrl, maxRetries: 0 });
  const streamClient = new Anthropic({ apiKey: benchApiKey, baseURL: targets.streamUrl, maxRetries: 0 });
  const request = {
    model: vendorModels.anthropic,
    max_tokens: 1024,
    messages: [{ role: "user" as const, content: benchPrompt }],
  };
  return {
    id: "anthropic-raw",
    label: labels["anthropic-raw"],
    async generate() {
      const message = await client.messages.create(request);
      const first = message.content[0];
      return first?.type === "text" ? first.text : "";
    },
    async *stream() {
      const events = await streamClient.messages.create({ ...request, stream: true });
      for await (const event of events) {
        if (event.type === "content_block_delta" && event.delta.type === "text_delta") yield event.delta.text;
      }
    },
  };
}

async function rawGoogle(targets: ContenderTargets): Promise<Contender> {
  const { GoogleGenAI } = await import("@google/genai");
  const clientAt = (baseUrl: string) =>
    new GoogleGenAI({ apiKey: benchApiKey, httpOptions: { baseUrl, apiVersion: "v1beta" } });
  const client = clientAt(targets.generateUrl);
  const streamClient = clientAt(targets.streamUrl);
  const request = { model: vendorModels.google, contents: benchPrompt };
  return {
    id: "google-raw",
    label: labels["google-raw"],
    async generate() {
      return (await client.models.generateContent(request)).text ?? "";
    },
    async *stream() {
      for await (const chunk of await streamClient.models.generateContentStream(request)) {
        const text = chunk.text;
        if (text) yield text;
      }
    },
  };
}
