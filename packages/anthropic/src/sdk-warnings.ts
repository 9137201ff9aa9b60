import type { ProviderWarning } from "@ffc/core";

// The Anthropic SDK prints these with console.warn on every `messages.create` call, before the
// request is sent (1.14: "The model 'claude-sonnet-4-5' is deprecated and will reach end-of-life
// on November 30th, 2026 ..."). FFC reports them instead: a `warning` event and the manager's
// logger, once per model per process.
const notices: Array<{ pattern: RegExp; warning(match: RegExpExecArray): ProviderWarning }> = [
  {
    pattern: /^The model '([^']+)' is deprecated and will reach end-of-life on ([^\n]+?)\.?\s*(\n|$)/,
    warning: ([, model, date]) => ({
      code: "model-deprecated",
      message: `Anthropic's SDK says the model "${model}" is deprecated and reaches end-of-life on ${date}: move to a newer model (https://docs.anthropic.com/en/docs/resources/model-deprecations).`,
    }),
  },
  {
    pattern: /^Using Claude with (\S+) and 'thinking\.type=enabled' is deprecated/,
    warning: ([, model]) => ({
      code: "thinking-enabled-deprecated",
      message: `Anthropic's SDK says thinking { type: "enabled" } is deprecated with ${model}: use { type: "adaptive" } (https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking).`,
    }),
  },
];

/**
 * Runs `start` (which calls the SDK's `messages.create`) with the SDK's own deprecation notices
 * taken off the console and returned as warnings. The SDK prints them synchronously inside
 * `create`, before its first await, so no other code runs while console.warn is swapped; any
 * other message still reaches the console.
 */
export function captureSdkWarnings<Value>(start: () => Value): { value: Value; warnings: ProviderWarning[] } {
  const warnings: ProviderWarning[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = typeof args[0] === "string" ? args[0] : "";
    for (const notice of notices) {
      const match = notice.pattern.exec(text);
      if (match) {
        warnings.push(notice.warning(match));
        return;
      }
    }
    original.apply(console, args);
  };
  try {
    return { value: start(), warnings };
  } finally {
    console.warn = original;
  }
}
