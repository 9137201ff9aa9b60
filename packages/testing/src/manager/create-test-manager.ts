import { type LanguageProvider, type LLMConfig, LLMManager, type LLMManagerOptions } from "@ffc/core";
import { MockProvider, type MockStep } from "../mock-provider";
import { type RecordedEvents, recordEvents } from "./record-events";

/** Options of createTestManager: the manager's options plus what to answer with. */
export interface TestManagerOptions<Provider extends LanguageProvider = MockProvider>
  extends LLMManagerOptions {
  /** Answers of the MockProvider made for you, one per request (the last repeats). Ignored with `provider`. */
  steps?: MockStep[];
  /** A provider of your own instead of a MockProvider, e.g. an SDK provider pointed at a fake server. */
  provider?: Provider;
  /**
   * Id of the MockProvider made for you.
   * @default "mock"
   */
  providerId?: string;
  /**
   * The manager's model.
   * @default "mock-model"
   */
  model?: string;
  /** More of the manager's config, such as `timeoutMs` or `maxTokens`. */
  config?: Omit<LLMConfig, "provider" | "model">;
}

/** A manager made for a test, its provider, and every event it emits. */
export interface TestManager<Provider extends LanguageProvider = MockProvider> extends RecordedEvents {
  /** The manager under test. */
  readonly llm: LLMManager;
  /** Its provider: the MockProvider made from `steps`, or the one given. */
  readonly provider: Provider;
}

/**
 * The one setup most tests need: an LLMManager over a scripted MockProvider (or a provider of
 * your own) with the given plugins, recording every event it emits.
 *
 * @example
 * const { llm, provider, eventsOf } = createTestManager({ steps: [{ text: "hi" }], plugins: [tracker] });
 */
export function createTestManager<Provider extends LanguageProvider = MockProvider>(
  options: TestManagerOptions<Provider> = {},
): TestManager<Provider> {
  const { steps, provider: given, providerId, model, config, ...managerOptions } = options;
  const provider =
    given ?? (new MockProvider({ id: providerId ?? "mock", script: steps }) as unknown as Provider);
  const llm = new LLMManager({ ...config, provider, model: model ?? "mock-model" }, managerOptions);
  return { llm, provider, ...recordEvents(llm) };
}
