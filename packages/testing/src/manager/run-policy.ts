// The one file of @ffc/testing that uses the plugin author's types (Policy, GenerateOptions'
// `policies`): when they move to a subpath of @ffc/core, only this import changes.
import type {
  AttemptRecord,
  GenerateOptions,
  GenerateResult,
  LanguageProvider,
  Policy,
  StreamPart,
} from "@ffc/core";
import type { MockProvider } from "../mock-provider";
import { createTestManager, type TestManager, type TestManagerOptions } from "./create-test-manager";

/** Options of runPolicy: the provider to run against and the call to make. */
export interface RunPolicyOptions<Provider extends LanguageProvider = MockProvider>
  extends Omit<TestManagerOptions<Provider>, "plugins"> {
  /**
   * Which kind of call to run the policy around.
   * @default "generate"
   */
  operation?: "generate" | "stream";
  /**
   * The call's options (prompt, signal, deadlineMs, ...).
   * @default { prompt: "Hello" }
   */
  call?: Omit<GenerateOptions, "policies" | "retryConfig" | "fallbackConfig">;
}

/** What one run of a policy did. */
export interface PolicyRun<Provider extends LanguageProvider = MockProvider> extends TestManager<Provider> {
  /** The result, when the call succeeded. */
  readonly result?: GenerateResult;
  /** What the call failed with, when it failed. */
  readonly error?: unknown;
  /** Every attempt the call made, successful or not, in order. */
  readonly attempts: readonly AttemptRecord[];
  /** For streams: every part the caller received, in order. */
  readonly parts: StreamPart[];
}

/**
 * Runs one policy alone around a provider (a MockProvider from `steps` unless you pass one)
 * and reports what happened, the way cockatiel's policies run without an application around
 * them. The call goes through LLMManager with `policies: [policy]` and no plugins, so the
 * policy gets the very CallContext and attempt layer it gets in production, and nothing else.
 *
 * @example
 * const run = await runPolicy(new RetryConfig({ maxRetries: 2 }), { steps: [{ error: overloaded }, { text: "ok" }] });
 * run.result?.text; // "ok", after run.attempts.length === 2
 */
export async function runPolicy<Provider extends LanguageProvider = MockProvider>(
  policy: Policy,
  options: RunPolicyOptions<Provider> = {},
): Promise<PolicyRun<Provider>> {
  const { operation = "generate", call = { prompt: "Hello" }, ...managerOptions } = options;
  const manager = createTestManager<Provider>(managerOptions);
  const callOptions: GenerateOptions = { ...call, policies: [policy] };
  const parts: StreamPart[] = [];
  try {
    let result: GenerateResult;
    if (operation === "stream") {
      const response = manager.llm.stream(callOptions);
      for await (const part of response) parts.push(part);
      result = await response.result;
    } else {
      result = await manager.llm.generate(callOptions);
    }
    return { ...manager, result, attempts: result.attempts, parts };
  } catch (error) {
    // The manager reports every attempt of a failed call on its call-error event.
    const attempts = manager.eventsOf("call-error").at(-1)?.attempts ?? [];
    return { ...manager, error, attempts, parts };
  }
}
