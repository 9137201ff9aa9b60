import { spawn, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { benchDirectory, repositoryRoot } from "./bench-paths";
import { progress } from "./run-child";

/** What one store benchmark script printed. */
export interface StoreBenchOutput {
  script: string;
  succeeded: boolean;
  output: string;
}

/** The store benchmarks other packages keep in bench/src (budget-store*.ts, ratelimit-store*.ts). */
export function storeBenchScripts(): string[] {
  return readdirSync(join(benchDirectory, "src"))
    .filter((name) => /^(budget|ratelimit)-store.*\.ts$/.test(name) && !name.includes(".test."))
    .sort();
}

function runScript(script: string, env: NodeJS.ProcessEnv): Promise<StoreBenchOutput> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join("src", script)], {
      cwd: benchDirectory,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => resolve({ script, succeeded: code === 0, output: output.trim() }));
  });
}

const redisAnswers = () =>
  spawnSync("redis-cli", ["-p", "6390", "ping"], { encoding: "utf8" }).stdout?.trim() === "PONG";

/**
 * Runs every store benchmark script. They also measure Redis stores: when FFC_REDIS_URL is not
 * set and no Redis answers on the test port, the repository's Redis script starts the test
 * servers for the run and stops them afterwards (never servers someone else started).
 */
export async function runStoreBenches(): Promise<StoreBenchOutput[]> {
  const scripts = storeBenchScripts();
  if (scripts.length === 0) return [];
  let startedRedis = false;
  const env = { ...process.env };
  if (!env.FFC_REDIS_URL && !redisAnswers()) {
    const started = spawnSync("bash", ["scripts/redis-up.sh"], { cwd: repositoryRoot, encoding: "utf8" });
    if (started.status === 0) {
      startedRedis = true;
      for (const line of started.stdout.split("\n")) {
        const match = line.match(/^(?:export )?(FFC_REDIS_[A-Z_]+)=(.*)$/);
        if (match) env[match[1]!] = match[2]!.replace(/^["']|["']$/g, "");
      }
    } else progress("store benchmarks: Redis could not be started; the Redis rows will fail.");
  }
  try {
    const outputs: StoreBenchOutput[] = [];
    for (const script of scripts) {
      progress(`store benchmark: ${script}`);
      outputs.push(await runScript(script, env));
    }
    return outputs;
  } finally {
    if (startedRedis) spawnSync("bash", ["scripts/redis-down.sh"], { cwd: repositoryRoot });
  }
}
