const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * Holds an API key so that it never shows up in `JSON.stringify`, `util.inspect`, string
 * conversion or error messages by accident; only `reveal()` gives it back.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return "[redacted]";
  }

  toJSON(): string {
    return "[redacted]";
  }

  [inspectSymbol](): string {
    return "[redacted]";
  }
}

/** Replaces every occurrence of each secret in `text` with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 6) result = result.split(secret).join("[redacted]");
  }
  return result;
}
