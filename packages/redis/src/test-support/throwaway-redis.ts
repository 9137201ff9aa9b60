import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";

/**
 * A redis-server of the test's own on `port`, with an append-only file synced on every write,
 * so it can be killed like a crashed server and restarted with its data.
 */
export class ThrowawayRedis {
  readonly port: number;
  readonly #directory = mkdtempSync(path.join(tmpdir(), "ffc-redis-"));
  #process: ChildProcess | undefined;

  constructor(port: number) {
    this.port = port;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.#directory, "--save", ""];
    args.push("--appendonly", "yes", "--appendfsync", "always");
    this.#process = spawn("redis-server", args, { stdio: "ignore" });
    const probe = new Redis({
      port: this.port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on("error", () => {});
    for (let tries = 0; tries < 100; tries += 1) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    probe.disconnect();
    throw new Error(
      `redis-server did not start on port ${this.port}; is Redis installed (see scripts/redis-up.sh)?`,
    );
  }

  /** Kills the server at once, like a crash. */
  async kill(): Promise<void> {
    const child = this.#process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
}
