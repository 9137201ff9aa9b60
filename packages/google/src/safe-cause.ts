import { redactSecrets } from "@ffc/core";

/**
 * A copy of an error chain that keeps what helps debugging (name, message, status, code, stack)
 * and drops everything else. SDK errors and fetch failures can hold request objects with the
 * API key in a header, so the original objects are never kept as `cause`.
 */
export function safeCause(value: unknown, secrets: readonly (string | undefined)[], depth = 0): unknown {
  if (value === undefined || value === null || depth > 4) return undefined;
  if (!(value instanceof Error)) {
    if (typeof value === "object") return redactSecrets(JSON.stringify(value) ?? "", secrets);
    return redactSecrets(String(value), secrets);
  }
  const nested = safeCause(value.cause, secrets, depth + 1);
  const copy = new Error(
    redactSecrets(value.message, secrets),
    nested === undefined ? undefined : { cause: nested },
  );
  copy.name = value.name;
  if (value.stack) copy.stack = redactSecrets(value.stack, secrets);
  const status = (value as { status?: unknown }).status;
  if (typeof status === "number") Object.assign(copy, { status });
  const code = (value as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  return copy;
}
