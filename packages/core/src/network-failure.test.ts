import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { causeChain, isNetworkFailure, networkErrorCodes, networkFailureDetail } from "./network-failure";

function coded(code: string, message = "low-level failure"): Error {
  return Object.assign(new Error(message), { code });
}

describe("isNetworkFailure", () => {
  it("recognises every listed code, at any depth of the cause chain", () => {
    for (const code of [...networkErrorCodes, "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT"]) {
      expect(isNetworkFailure(coded(code))).toBe(true);
      const deep = new Error("outer", {
        cause: new Error("middle", { cause: new Error("inner", { cause: coded(code) }) }),
      });
      expect(isNetworkFailure(deep)).toBe(true);
    }
  });

  it("refuses vendor answers and programming errors", () => {
    expect(isNetworkFailure(new Error("400 invalid model"))).toBe(false);
    expect(isNetworkFailure(new TypeError("x is not a function"))).toBe(false);
    expect(isNetworkFailure(coded("ERR_INVALID_ARG_TYPE"))).toBe(false);
    expect(isNetworkFailure(undefined)).toBe(false);
    expect(isNetworkFailure("ECONNRESET as a plain string is not an error")).toBe(false);
  });

  it("survives a cause cycle", () => {
    const first = new Error("first") as Error & { cause?: unknown };
    const second = new Error("second", { cause: first });
    first.cause = second;
    expect(causeChain(first)).toHaveLength(2);
    expect(isNetworkFailure(first)).toBe(false);
  });

  it("classifies a real refused connection and a real reset socket from fetch", async () => {
    // A port nobody listens on: fetch fails with ECONNREFUSED two causes deep.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error);
    expect(isNetworkFailure(refused)).toBe(true);
    expect(networkFailureDetail(refused)).toContain("ECONNREFUSED");

    const resetting = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => resetting.listen(0, "127.0.0.1", resolve));
    const address = resetting.address() as { port: number };
    const reset = await fetch(`http://127.0.0.1:${address.port}/`).catch((error: unknown) => error);
    await new Promise<void>((resolve) => resetting.close(() => resolve()));
    expect(isNetworkFailure(reset)).toBe(true);
  });
});
