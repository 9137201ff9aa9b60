import { maxTimerMs, requestSettingRules } from "./llm-config";
import { type OptionRule, option } from "./options/option-rule";
import type { Policy } from "./policy";

function policyProblem(value: unknown, example: string): string | undefined {
  const policy = value as Policy;
  return typeof policy === "object" &&
    policy !== null &&
    (typeof policy.generate === "function" || typeof policy.stream === "function")
    ? undefined
    : `must be a policy such as ${example}`;
}

/**
 * A rule from a test that returns the problem or undefined. Unlike option.custom it allocates
 * nothing for a valid value: these rules run on every call.
 */
function checkedBy<Value>(problemOf: (value: unknown) => string | undefined): OptionRule<Value | undefined> {
  return (value, field, problems) => {
    if (value === undefined) return undefined;
    const problem = problemOf(value);
    if (problem === undefined) return value as Value;
    problems.push({ field, message: problem });
    return undefined;
  };
}

function policyRule(example: string) {
  return checkedBy<Policy>((value) => policyProblem(value, example));
}

function objectRule(expected: string) {
  return checkedBy<object>((value) =>
    typeof value === "object" && value !== null && !Array.isArray(value) ? undefined : `must be ${expected}`,
  );
}

/**
 * The rules of the options of `llm.generate` and `llm.stream`: the request settings share
 * LLMConfig's rules (requestSettingRules), so a value refused in one is refused in the other,
 * and every other option has one rule here. Unknown keys are refused (`maxToken` is a typo).
 */
export const callOptionRules = {
  template: checkedBy<object>((value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as { renderWith?: unknown }).renderWith === "function"
      ? undefined
      : 'must be a PromptTemplate, e.g. new PromptTemplate({ name: "task", content: "Do {task}" })',
  ),
  context: checkedBy<object>((value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as { entries?: unknown }).entries === "function"
      ? undefined
      : 'must be a Context, e.g. new Context().add("task", "...")',
  ),
  variables: objectRule('an object of template values, e.g. { task: "..." }'),
  messages: checkedBy<unknown[]>((value) => {
    if (!Array.isArray(value)) return 'must be an array of messages like { role: "user", content: "..." }';
    for (let index = 0; index < value.length; index += 1) {
      const message = value[index] as { role?: unknown; content?: unknown } | null;
      if (typeof message !== "object" || message === null || typeof message.role !== "string") {
        return `must hold messages like { role: "user", content: "..." }; item ${index} is not one`;
      }
    }
    return undefined;
  }),
  prompt: option.string({ allowBlank: true }),
  retryConfig: policyRule("new RetryConfig({ maxRetries: 3 })"),
  fallbackConfig: policyRule("new FallbackConfig({ providers, models })"),
  policies: checkedBy<Policy[]>((value) => {
    if (!Array.isArray(value)) return "must be an array of policies";
    for (const item of value) {
      const problem = policyProblem(item, "an object with generate or stream");
      if (problem) return problem.replace("must be", "must hold only policies;");
    }
    return undefined;
  }),
  signal: checkedBy<AbortSignal>((value) =>
    typeof value === "object" && value !== null && "aborted" in value && "addEventListener" in value
      ? undefined
      : "must be an AbortSignal, e.g. new AbortController().signal or AbortSignal.timeout(30_000)",
  ),
  timeoutMs: requestSettingRules.timeoutMs,
  deadlineMs: option.number({ min: 0, exclusiveMin: true, max: maxTimerMs }),
  model: option.string({ example: '"gpt-5.4"' }),
  maxTokens: requestSettingRules.maxTokens,
  temperature: requestSettingRules.temperature,
  topP: requestSettingRules.topP,
  stop: requestSettingRules.stop,
  tools: checkedBy<unknown[]>((value) =>
    Array.isArray(value) &&
    value.every((tool) => typeof tool === "object" && tool !== null && typeof tool.name === "string")
      ? undefined
      : 'must be an array of tools like { name: "search", description, parameters }',
  ),
  maxSteps: option.integer({ min: 1 }),
  toolConcurrency: option.integer({ min: 1 }),
  toolChoice: checkedBy<unknown>((value) =>
    typeof value === "string" || (typeof value === "object" && value !== null)
      ? undefined
      : 'must be "auto", "none", "required" or { type: "tool", name }',
  ),
  responseFormat: checkedBy<object>((value) =>
    typeof value === "object" &&
    value !== null &&
    ((value as { type?: unknown }).type === "text" || (value as { type?: unknown }).type === "json")
      ? undefined
      : 'must be { type: "text" } or { type: "json", schema? }',
  ),
  metadata: objectRule('an object such as { userId: "u1" }'),
  promptCacheKey: option.string(),
  providerOptions: objectRule("an object keyed by provider id, e.g. { openai: { ... } }"),
  fitContext: option.boolean(),
};
