import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { safeCause } from "./safe-cause";

describe("safeCause", () => {
  it("copies an error chain with the key redacted and without headers or request objects", () => {
    const key = "sk-secret-0123456789abcdef";
    const inner = Object.assign(new Error(`socket closed for ${key}`), { code: "ECONNRESET" });
    const sdkError = Object.assign(new Error(`401 Incorrect API key provided: ${key}`, { cause: inner }), {
      status: 401,
      headers: { authorization: `Bearer ${key}` },
      request: { headers: { authorization: `Bearer ${key}` } },
    });
    const copy = safeCause(sdkError, [key])!;
    const shown = `${inspect(copy, { depth: 10, showHidden: true })} ${JSON.stringify(copy)}`;
    expect(shown).not.toContain(key);
    expect(copy.message).toBe("401 Incorrect API key provided: [redacted]");
    expect((copy as { status?: number }).status).toBe(401);
    expect((copy as { headers?: unknown }).headers).toBeUndefined();
    expect((copy.cause as { code?: string }).code).toBe("ECONNRESET");
  });
});
