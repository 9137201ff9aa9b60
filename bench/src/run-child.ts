import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { benchDirectory } from "./bench-paths";
import { compileScript } from "./compile-script";

/** How to run one benchmark child process. */
export interface ChildOptions {
  /** Node flags before the script, e.g. ["--expose-gc"]. */
  nodeFlags?: string[];
  /** Arguments after the script. */
  args?: string[];
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/**
 * Runs a TypeScript script of the bench package, compiled to JavaScript, in a fresh Node process
 * and returns the JSON its last stdout line holds. Children keep benchmarks from sharing a heap.
 */
export async function runChild<Result>(script: string, options: ChildOptions = {}): Promise<Result> {
  const argv = [...(options.nodeFlags ?? []), await compileScript(script), ...(options.args ?? [])];
  const child = spawn(process.execPath, argv, {
    cwd: benchDirectory,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...options.env },
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`${script} ${(options.args ?? []).join(" ")} exited with code ${code}.`);
  const lastLine = output.trim().split("\n").at(-1) ?? "";
  return JSON.parse(lastLine) as Result;
}

/** Writes a child's result as its last stdout line (the counterpart of runChild). */
export function reportToParent(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Progress for the person running the benchmark; stderr keeps stdout for the result. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** True when the module of `moduleUrl` is the script Node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}
