import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { benchDirectory } from "./bench-paths";
import { compileScript } from "./compile-script";
import type { ContenderTargets } from "./contenders";
import type { BenchVendor } from "./vendor-contenders";

/** The fake servers running in a child process. */
export interface ServerHandle {
  /** Origin of the server that answers calls with the short benchmark answer. */
  generateUrl: string;
  /** Origin of the server that streams the long benchmark text. */
  streamUrl: string;
  /** The fake Anthropic and Gemini servers, the same two answers each. */
  vendors: Record<BenchVendor, ContenderTargets>;
  close(): Promise<void>;
}

/** Starts the fake OpenAI servers in a child process and waits for their addresses. */
export async function startServerProcess(): Promise<ServerHandle> {
  const child = spawn(process.execPath, [await compileScript("src/server-process.ts")], {
    cwd: benchDirectory,
    stdio: ["pipe", "pipe", "inherit"],
    env: process.env,
  });
  const lines = createInterface({ input: child.stdout! });
  const [firstLine] = (await Promise.race([
    once(lines, "line"),
    once(child, "exit").then(([code]) => {
      throw new Error(`The fake server process exited with code ${code} before it started.`);
    }),
  ])) as [string];
  const addresses = JSON.parse(firstLine) as Omit<ServerHandle, "close">;
  return {
    ...addresses,
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      // Closing stdin lets the server close its sockets first; SIGTERM is the same, for safety.
      child.stdin!.end();
      child.kill("SIGTERM");
      await exited;
    },
  };
}
