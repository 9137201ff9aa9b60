import { FFCError } from "./errors/ffc-error";
import { safeCause } from "./safe-cause";
import { redactSecrets } from "./secret";

/**
 * A provider's one redaction point: every FFC error it builds passes through here before it
 * leaves, so its message, stack, request id and cause chain hold none of `secrets` (see
 * secretList), whatever the vendor echoed. Events, spans and logs carry this same error, so
 * they are clean too. Returns the same error, changed in place.
 */
export function redactError<Error extends FFCError>(
  error: Error,
  secrets: readonly (string | undefined)[],
): Error {
  if (!secrets.some((secret) => secret !== undefined && secret.length > 0)) return error;
  redactFields(error, secrets, 0);
  return error;
}

/**
 * FFC errors in the chain are redacted in place: message, stack and own string or JSON fields
 * (request ids, vendor bodies). Any other cause that holds a secret is replaced by a safe copy
 * (safeCause); one that holds none is kept as it is, so debugging loses nothing.
 */
function redactFields(error: FFCError, secrets: readonly (string | undefined)[], depth: number): void {
  error.message = redactSecrets(error.message, secrets);
  if (error.stack) error.stack = redactSecrets(error.stack, secrets);
  for (const key of Object.keys(error)) {
    const value = (error as unknown as Record<string, unknown>)[key];
    const cleaned = redactValue(value, secrets);
    if (cleaned !== value)
      Object.defineProperty(error, key, { value: cleaned, enumerable: true, configurable: true });
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause === undefined || cause === null) return;
  if (FFCError.isInstance(cause)) {
    if (depth < 4) redactFields(cause, secrets, depth + 1);
    return;
  }
  if (!holdsSecret(cause, secrets, 0)) return;
  Object.defineProperty(error, "cause", {
    value: safeCause(cause, secrets),
    enumerable: false,
    configurable: true,
    writable: true,
  });
}

function holdsSecret(value: unknown, secrets: readonly (string | undefined)[], depth: number): boolean {
  if (value === undefined || value === null || depth > 4) return false;
  const texts: unknown[] = [];
  if (value instanceof Error) {
    texts.push(value.message, value.stack);
    for (const key of Object.keys(value)) texts.push((value as unknown as Record<string, unknown>)[key]);
  } else {
    texts.push(value);
  }
  for (const item of texts) {
    const text = typeof item === "string" ? item : safeJson(item);
    if (text && redactSecrets(text, secrets) !== text) return true;
  }
  return value instanceof Error && holdsSecret((value as { cause?: unknown }).cause, secrets, depth + 1);
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function redactValue(value: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (typeof value === "string") {
    const cleaned = redactSecrets(value, secrets);
    return cleaned === value ? value : cleaned;
  }
  if (typeof value !== "object" || value === null || value instanceof Error) return value;
  const text = safeJson(value);
  if (text === undefined) return value;
  const cleaned = redactSecrets(text, secrets);
  return cleaned === text ? value : JSON.parse(cleaned);
}
