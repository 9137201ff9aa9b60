import type { LanguageProvider } from "@ffc/core";
import { benchApiKey, benchModel, benchPrompt } from "./bench-settings";
import { fullPluginStack, meteringPlugins, type PluginStack } from "./plugin-stack";
import { createVendorContender, type VendorContenderId } from "./vendor-contenders";

/** The clients compared, each making the same call (the vendor ones to their own fake servers). */
export type ContenderId =
  | "raw"
  | "ffc-bare"
  | "ffc-metered"
  | "ffc-full"
  | "ai-sdk"
  | "langchain"
  | VendorContenderId;

/** Every OpenAI contender, in report order; the raw SDK is the baseline. */
export const contenderIds: readonly ContenderId[] = [
  "raw",
  "ffc-bare",
  "ffc-metered",
  "ffc-full",
  "ai-sdk",
  "langchain",
];

/** One client under test. */
export interface Contender {
  id: ContenderId;
  /** How the report names it. */
  label: string;
  /** Plugins in the stack, for the FFC contenders that have some. */
  plugins?: PluginStack;
  /** One call; resolves to the answer's text. */
  generate(): Promise<string>;
  /** One streamed call; yields the text deltas. */
  stream(): AsyncIterable<string>;
}

/** Where the contenders send their calls (origins of the fake servers). */
export interface ContenderTargets {
  generateUrl: string;
  streamUrl: string;
}

// Each contender imports its libraries itself, so that a memory benchmark process holds only
// the libraries of the contender it measures.

// The AI SDK prints a console warning for settings a provider ignores; keep the output clean.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** Builds one contender; SDK retries are off everywhere so that all do the same work. */
export async function createContender(id: ContenderId, targets: ContenderTargets): Promise<Contender> {
  switch (id) {
    case "raw":
      return rawContender(targets);
    case "ffc-bare":
      return ffcContender(id, "FFC bare", targets, async () => undefined);
    case "ffc-metered":
      return ffcContender(id, "FFC + tracking, budget, rate limit", targets, () => meteringPlugins());
    case "ffc-full":
      return ffcContender(
        id,
        "FFC + retry, fallback, tracking, budget, rate limit",
        targets,
        async (primary) => {
          const { createOpenAI } = await import("@ffc/openai");
          const backup = createOpenAI({ apiKey: benchApiKey, baseURL: `${targets.generateUrl}/v1` });
          return fullPluginStack(primary, backup);
        },
      );
    case "ai-sdk":
      return aiSdkContender(targets);
    case "langchain":
      return langchainContender(targets);
    default:
      return createVendorContender(id, targets);
  }
}

/** Builds the given contenders (all by default). */
export async function createContenders(
  targets: ContenderTargets,
  ids: readonly ContenderId[] = contenderIds,
): Promise<Contender[]> {
  return Promise.all(ids.map((id) => createContender(id, targets)));
}

async function rawContender(targets: ContenderTargets): Promise<Contender> {
  const { default: OpenAI } = await import("openai");
  const client = new OpenAI({ apiKey: benchApiKey, baseURL: `${targets.generateUrl}/v1`, maxRetries: 0 });
  const streamClient = new OpenAI({ apiKey: benchApiKey, baseURL: `${targets.streamUrl}/v1`, maxRetries: 0 });
  return {
    id: "raw",
    label: "raw openai SDK",
    async generate() {
      const completion = await client.chat.completions.create({
        model: benchModel,
        messages: [{ role: "user", content: benchPrompt }],
      });
      return completion.choices[0]?.message.content ?? "";
    },
    async *stream() {
      // Usage is asked for as FFC, the AI SDK and LangChain all ask for it.
      const chunks = await streamClient.chat.completions.create({
        model: benchModel,
        messages: [{ role: "user", content: benchPrompt }],
        stream: true,
        stream_options: { include_usage: true },
      });
      for await (const chunk of chunks) {
        const delta = chunk.choices[0]?.delta?.content;
        if (delta) yield delta;
      }
    },
  };
}

async function ffcContender(
  id: ContenderId,
  label: string,
  targets: ContenderTargets,
  stackFor: (primary: LanguageProvider) => Promise<PluginStack | undefined>,
): Promise<Contender> {
  const { LLMManager } = await import("@ffc/core");
  const { createOpenAI } = await import("@ffc/openai");
  const provider = createOpenAI({ apiKey: benchApiKey, baseURL: `${targets.generateUrl}/v1` });
  const stack = await stackFor(provider);
  const plugins = stack ? { plugins: stack.plugins } : {};
  const llm = new LLMManager({ provider, model: benchModel }, plugins);
  const streamProvider = createOpenAI({ apiKey: benchApiKey, baseURL: `${targets.streamUrl}/v1` });
  const streamStack = await stackFor(streamProvider);
  const streamLlm = new LLMManager(
    { provider: streamProvider, model: benchModel },
    streamStack ? { plugins: streamStack.plugins } : {},
  );
  const callOptions = stack?.callOptions ?? {};
  const streamCallOptions = streamStack?.callOptions ?? {};
  return {
    id,
    label,
    ...(stack ? { plugins: stack } : {}),
    async generate() {
      const result = await llm.generate({ prompt: benchPrompt, ...callOptions });
      return result.text;
    },
    stream() {
      return streamLlm.stream({ prompt: benchPrompt, ...streamCallOptions }).text;
    },
  };
}

async function aiSdkContender(targets: ContenderTargets): Promise<Contender> {
  const { createOpenAI: createAiSdkOpenAI } = await import("@ai-sdk/openai");
  const { generateText, streamText } = await import("ai");
  // .chat() targets /v1/chat/completions; the default model of AI SDK 5+ is the Responses API.
  const model = createAiSdkOpenAI({ apiKey: benchApiKey, baseURL: `${targets.generateUrl}/v1` }).chat(
    benchModel,
  );
  const streamModel = createAiSdkOpenAI({ apiKey: benchApiKey, baseURL: `${targets.streamUrl}/v1` }).chat(
    benchModel,
  );
  return {
    id: "ai-sdk",
    label: "Vercel AI SDK (ai 6)",
    async generate() {
      const result = await generateText({ model, prompt: benchPrompt, maxRetries: 0 });
      return result.text;
    },
    stream() {
      return streamText({ model: streamModel, prompt: benchPrompt, maxRetries: 0 }).textStream;
    },
  };
}

async function langchainContender(targets: ContenderTargets): Promise<Contender> {
  const { ChatOpenAI } = await import("@langchain/openai");
  const settings = { model: benchModel, apiKey: benchApiKey, maxRetries: 0 };
  const model = new ChatOpenAI({ ...settings, configuration: { baseURL: `${targets.generateUrl}/v1` } });
  const streamModel = new ChatOpenAI({ ...settings, configuration: { baseURL: `${targets.streamUrl}/v1` } });
  return {
    id: "langchain",
    label: "LangChain.js (@langchain/openai 1.5)",
    async generate() {
      const message = await model.invoke(benchPrompt);
      return message.text;
    },
    async *stream() {
      for await (const chunk of await streamModel.stream(benchPrompt)) {
        const delta = chunk.text;
        if (delta) yield delta;
      }
    },
  };
}
