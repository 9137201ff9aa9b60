import { ConfigError } from "@ffc/core";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createRedisClient, parseClusterNodes, parseRedisUrl } from "./redis-connection";
import { testClusterNodes, testRedisUrl } from "./test-support/redis-test-environment";

describe("createRedisClient", () => {
  it("connects to a standalone server from a redis:// URL", async () => {
    const connection = createRedisClient(testRedisUrl);
    try {
      expect(await connection.client.ping()).toBe("PONG");
      expect(connection.ownsClient).toBe(true);
    } finally {
      await connection.close();
    }
  });

  it("connects to the cluster from clusterNodes", async () => {
    const connection = createRedisClient({ clusterNodes: testClusterNodes });
    try {
      await connection.client.set("ffc-test-connection:{probe}", "1", "PX", 5000);
      expect(await connection.client.get("ffc-test-connection:{probe}")).toBe("1");
    } finally {
      await connection.close();
    }
  });

  it("borrows a client passed in and never closes it", async () => {
    const client = new Redis(testRedisUrl);
    try {
      const connection = createRedisClient(client);
      expect(connection.ownsClient).toBe(false);
      await connection.close();
      expect(await client.ping()).toBe("PONG");
    } finally {
      client.disconnect();
    }
  });

  it("rejects a URL with another scheme, naming the field", () => {
    expect(() => createRedisClient({ url: "http://127.0.0.1:6379" }, "store.redis")).toThrow(
      /"store\.redis\.url" must use the scheme "redis:"/,
    );
    expect(() => createRedisClient("http://127.0.0.1:6379")).toThrow(ConfigError);
  });

  it("rejects a malformed URL without repeating its password", () => {
    const error = captureError(() => parseRedisUrl("redis://user:hunter2secret@:bad", "url"));
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(String(error)).not.toContain("hunter2secret");
  });

  it("requires exactly one of url, clusterNodes or client", () => {
    expect(() => createRedisClient({})).toThrow(/exactly one of/);
    expect(() => createRedisClient({ url: testRedisUrl, clusterNodes: testClusterNodes })).toThrow(
      /url, clusterNodes/,
    );
  });

  it("rejects cluster nodes that are not host:port", () => {
    expect(() => parseClusterNodes("127.0.0.1", "clusterNodes")).toThrow(
      /"clusterNodes" has "127.0.0.1", which is not "host:port"/,
    );
    expect(() => parseClusterNodes([], "clusterNodes")).toThrow(/at least one/);
    expect(parseClusterNodes("a:1, b:2")).toEqual([
      { host: "a", port: 1 },
      { host: "b", port: 2 },
    ]);
  });

  it("rejects a non-positive command timeout", () => {
    expect(() => createRedisClient({ url: testRedisUrl, commandTimeoutMs: 0 })).toThrow(/commandTimeoutMs/);
  });

  it("fails a command quickly when nothing listens on the port", async () => {
    const connection = createRedisClient({ url: "redis://127.0.0.1:1", commandTimeoutMs: 500 });
    connection.client.on("error", () => {});
    try {
      await expect(connection.client.ping()).rejects.toThrow();
    } finally {
      await connection.close();
    }
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
