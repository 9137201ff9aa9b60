import { redactSecrets } from "./secret";

/** Fields of SDK and network errors that help debugging and never hold a secret. */
const safeFields = ["status", "code", "type", "param", "requestID", "errno", "syscall"] as const;

/**
 * A copy of an error chain that is safe to keep as `cause`: messages and stacks with the
 * API key redacted, a few diagnostic fields, and nothing else. SDK errors carry response
 * headers and network errors can carry request details; neither is copied, so nothing a
 * later `util.inspect` or logger prints can show the key. For provider authors, who must
 * never keep an SDK error as `cause` as it is.
 */
export function safeCause(
  error: unknown,
  secrets: readonly (string | undefined)[],
  depth = 0,
): Error | undefined {
  if (error === undefined || error === null || depth > 4) return undefined;
  if (!(error instanceof Error)) return new Error(redactSecrets(describe(error), secrets));
  const copy = new Error(redactSecrets(error.message, secrets));
  copy.name = error.name;
  if (error.stack) copy.stack = redactSecrets(error.stack, secrets);
  for (const field of safeFields) {
    const value = (error as any)[field];
    if (typeof value === "string") (copy as any)[field] = redactSecrets(value, secrets);
    else if (typeof value === "number") (copy as any)[field] = value;
  }
  const inner = safeCause((error as { cause?: unknown }).cause, secrets, depth + 1);
  if (inner) copy.cause = inner;
  return copy;
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
