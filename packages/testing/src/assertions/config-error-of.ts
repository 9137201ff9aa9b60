import { ConfigError } from "@ffc/core";

/**
 * Runs `make` and returns the ConfigError it throws, so a test can read its `field`, `problems`
 * and message; any other error is rethrown, and no error at all fails the test.
 */
export function configErrorOf(make: () => unknown): ConfigError {
  try {
    make();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}
