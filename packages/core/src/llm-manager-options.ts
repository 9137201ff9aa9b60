import { maxTimerMs } from "./llm-config";
import type { Logger } from "./logger";
import { checkOptions } from "./options/check-options";
import { option } from "./options/option-rule";

/** The rules of SanitizeOptions, shared by LLMManager and PromptTemplate. */
export const sanitizeRules = {
  stripControlCharacters: option.boolean(),
  maxLength: option.integer({ min: 1 }),
  onTooLong: option.oneOf(["error", "truncate"] as const),
  untrusted: option.array(option.string({ required: true })),
};

const timeoutRules = {
  attemptMs: option.integer({ min: 1, max: maxTimerMs }),
  streamStallMs: option.integer({ min: 1, max: maxTimerMs }),
};

const managerRules = {
  timeouts: option.object(timeoutRules),
  // Each plugin is checked by `use`, which names what a plugin must have.
  plugins: option.array(
    option.custom((value) => ({ value })),
    { default: [] },
  ),
  sanitize: option.object(sanitizeRules),
  logger: option.custom<Logger, { default: Logger }>(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      typeof (value as Logger).warn === "function" &&
      typeof (value as Logger).error === "function"
        ? { value: value as Logger }
        : "must be an object with warn and error methods, such as console",
    { default: console },
  ),
};

/** Checks the options of `new LLMManager(config, options)`; unknown keys are refused. */
export function checkManagerOptions(options: unknown) {
  return checkOptions("LLMManager", options, managerRules, "{ plugins: [tracker, budget] }");
}
