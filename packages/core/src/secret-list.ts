/** Header values shorter than this are not treated as secrets: redacting "1" or "en" everywhere would garble text. */
const shortestSecret = 6;

/**
 * Header names whose values are credentials, whichever list they come from: Authorization,
 * x-api-key, api-key, x-goog-api-key, any *-key, anything with "token", "secret" or "auth".
 */
const credentialHeader =
  /^(authorization|proxy-authorization|cookie|api-key|x-api-key|x-goog-api-key)$|-key$|token|secret|auth/i;

/** A bag of HTTP headers as the SDKs take them. */
export type HeaderValues = Record<string, string | readonly string[] | null | undefined>;

/** True when a header of this name carries a credential (see the list above). */
export function isCredentialHeader(name: string): boolean {
  return credentialHeader.test(name);
}

/**
 * Every value FFC must never let out, for a provider's one redaction point: the keys given,
 * every value of the headers the user configured (`LLMConfig.headers` or a provider's
 * `headers` option are documented as secret, e.g. a gateway key), and the credential-looking
 * values of other headers (those of an SDK client passed in). "Bearer abc…" also yields "abc…".
 */
export function secretList(sources: {
  keys?: readonly (string | null | undefined)[];
  headers?: HeaderValues | undefined;
  otherHeaders?: HeaderValues | undefined;
}): string[] {
  const secrets = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== "string") return;
    const trimmed = value.trim();
    if (trimmed.length < shortestSecret) return;
    secrets.add(trimmed);
    const scheme = /^(bearer|basic|token)\s+(.+)$/i.exec(trimmed);
    if (scheme && scheme[2]!.length >= shortestSecret) secrets.add(scheme[2]!);
  };
  for (const key of sources.keys ?? []) add(key);
  for (const value of Object.values(sources.headers ?? {})) {
    if (Array.isArray(value)) value.forEach(add);
    else add(value);
  }
  for (const [name, value] of Object.entries(sources.otherHeaders ?? {})) {
    if (!isCredentialHeader(name)) continue;
    if (Array.isArray(value)) value.forEach(add);
    else add(value);
  }
  // Longest first: a secret that contains another must be replaced whole.
  return [...secrets].sort((left, right) => right.length - left.length);
}
