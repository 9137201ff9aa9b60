/**
 * Error codes of a transport failure (the request may not have reached the vendor, or the
 * connection broke): Node's socket and DNS codes and undici's. One list for every provider.
 */
export const networkErrorCodes: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTUNREACH",
  "EHOSTDOWN",
]);

/** Messages of a broken or refused connection, from undici, node:http and the SDKs' fetch wrappers. */
const networkMessages = /fetch failed|terminated|other side closed|socket hang up|network/i;

/** Every error in `thrown`'s cause chain, outermost first; a cycle or a very long chain is cut. */
export function causeChain(thrown: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = thrown;
  while (current !== undefined && current !== null && chain.length < 16 && !chain.includes(current)) {
    chain.push(current);
    current = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

function isNetworkError(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && (networkErrorCodes.has(code) || code.startsWith("UND_ERR_"))) return true;
  const message = error instanceof Error ? error.message : undefined;
  return message !== undefined && networkMessages.test(message);
}

/**
 * True when `thrown`, or any error in its cause chain, is a transport failure rather than a
 * vendor's answer, so providers map it to a retryable TemporaryError. A vendor's HTTP error
 * must be recognised before this is asked.
 */
export function isNetworkFailure(thrown: unknown): boolean {
  return causeChain(thrown).some(isNetworkError);
}

/** The low-level reason of a transport failure for a message, e.g. "fetch failed: ECONNRESET". */
export function networkFailureDetail(thrown: unknown): string {
  const reasons: string[] = [];
  for (const error of causeChain(thrown)) {
    const reason = codeOf(error) ?? (error instanceof Error ? error.message : undefined);
    if (reason && !reasons.includes(reason)) reasons.push(reason);
  }
  return reasons.length > 0 ? reasons.join(": ") : "connection error";
}
