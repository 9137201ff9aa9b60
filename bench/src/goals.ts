import { type BenchResults, byId } from "./bench-results";

/** One goal of issue 6 and what this run measured for it. */
export interface GoalCheck {
  goal: string;
  measured: string;
  met: boolean;
}

const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const percent = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}%`;

/** Percent a contender adds over the raw SDK, for median and p99. */
export function addedPercent(results: BenchResults, id: string): { median: number; p99: number } {
  const raw = byId(results.perCall, "raw").summary;
  const other = byId(results.perCall, id).summary;
  return {
    median: ((other.median - raw.median) / raw.median) * 100,
    p99: ((other.p99 - raw.p99) / raw.p99) * 100,
  };
}

/** Checks every goal against the raw SDK measured in the same run. */
export function checkGoals(results: BenchResults): GoalCheck[] {
  const ffc = addedPercent(results, "ffc-bare");
  const full = addedPercent(results, "ffc-full");
  const aiSdk = addedPercent(results, "ai-sdk");
  const langchain = addedPercent(results, "langchain");
  const imports = byId(results.imports, "ffc").medianMs - byId(results.imports, "raw").medianMs;
  const bundleOver = byId(results.bundles, "ffc").gzippedBytes - byId(results.bundles, "raw").gzippedBytes;
  const core = byId(results.bundles, "core").gzippedBytes;
  const rssOver = (id: string) =>
    byId(results.memory, id).afterSecondWave.rssMiB - byId(results.memory, "raw").afterSecondWave.rssMiB;
  const bestPeer = (key: "median" | "p99") => Math.min(aiSdk[key], langchain[key]);
  return [
    {
      goal: "FFC bare adds at most 5% to the median call",
      measured: percent(ffc.median),
      met: ffc.median <= 5,
    },
    { goal: "FFC bare adds at most 10% to the p99 call", measured: percent(ffc.p99), met: ffc.p99 <= 10 },
    {
      goal: "FFC bare adds less than both peers (median and p99)",
      measured: `median ${percent(ffc.median)} vs AI SDK ${percent(aiSdk.median)}, LangChain ${percent(langchain.median)}; p99 ${percent(ffc.p99)} vs ${percent(aiSdk.p99)}, ${percent(langchain.p99)}`,
      met: ffc.median < bestPeer("median") && ffc.p99 < bestPeer("p99"),
    },
    {
      goal: "FFC with retry, fallback, tracking, budget, rate limit: at most 5% (median) and 10% (p99)",
      measured: `median ${percent(full.median)}, p99 ${percent(full.p99)}`,
      met: full.median <= 5 && full.p99 <= 10,
    },
    {
      goal: "cold import of @ffc/core + @ffc/openai at most 20 ms over openai's",
      measured: `${imports >= 0 ? "+" : ""}${imports.toFixed(1)} ms`,
      met: imports <= 20,
    },
    {
      goal: "one-call app at most 10 kB min+gz over the raw SDK's",
      measured: `${bundleOver >= 0 ? "+" : ""}${kilobytes(bundleOver)}`,
      met: bundleOver <= 10_000,
    },
    {
      goal: "RSS after 2,000 calls at most 10 MB over raw (FFC bare)",
      measured: `${rssOver("ffc-bare") >= 0 ? "+" : ""}${rssOver("ffc-bare").toFixed(1)} MiB`,
      met: rssOver("ffc-bare") <= 10,
    },
    {
      goal: "RSS after 2,000 calls at most 10 MB over raw (FFC with all plugins)",
      measured: `${rssOver("ffc-full") >= 0 ? "+" : ""}${rssOver("ffc-full").toFixed(1)} MiB`,
      met: rssOver("ffc-full") <= 10,
    },
    { goal: "@ffc/core alone at most 8 kB min+gz", measured: kilobytes(core), met: core <= 8_000 },
  ];
}
