import { spawnSync } from "node:child_process";
import { benchDirectory } from "./bench-paths";
import { progress } from "./run-child";
import { median } from "./statistics";

/** A set of modules imported in a fresh process. */
export interface ImportCase {
  id: string;
  label: string;
  /** The ES module code given to `node --input-type=module -e`. */
  code: string;
}

/** The plugin packages of the guide's configuration. */
const plugins = ["retry", "fallback", "tracking", "budget", "ratelimit"]
  .map((name) => `await import("@ffc/${name}");`)
  .join(" ");

/** The import cases; the first is the empty baseline every other is measured over. */
export const importCases: readonly ImportCase[] = [
  { id: "node", label: "node (empty script)", code: "" },
  { id: "raw", label: "openai", code: 'await import("openai");' },
  {
    id: "ffc",
    label: "@ffc/core + @ffc/openai",
    code: 'await import("@ffc/core"); await import("@ffc/openai");',
  },
  {
    id: "full",
    label: "@ffc/core + @ffc/openai + retry, fallback, tracking, budget, rate limit",
    code: `await import("@ffc/core"); await import("@ffc/openai"); ${plugins}`,
  },
  { id: "ai-sdk", label: "ai + @ai-sdk/openai", code: 'await import("ai"); await import("@ai-sdk/openai");' },
  { id: "langchain", label: "@langchain/openai", code: 'await import("@langchain/openai");' },
  { id: "anthropic-raw", label: "@anthropic-ai/sdk", code: 'await import("@anthropic-ai/sdk");' },
  {
    id: "anthropic-full",
    label: "@ffc/core + @ffc/anthropic + retry, fallback, tracking, budget, rate limit",
    code: `await import("@ffc/core"); await import("@ffc/anthropic"); ${plugins}`,
  },
  { id: "google-raw", label: "@google/genai", code: 'await import("@google/genai");' },
  {
    id: "google-full",
    label: "@ffc/core + @ffc/google + retry, fallback, tracking, budget, rate limit",
    code: `await import("@ffc/core"); await import("@ffc/google"); ${plugins}`,
  },
];

/** Median wall time of one case, and its time over the empty-script baseline. */
export interface ImportResult {
  id: string;
  label: string;
  runs: number;
  medianMs: number;
  overBaselineMs: number;
}

function timedProcess(code: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: benchDirectory,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node -e ${JSON.stringify(code)} failed: ${result.stderr}`);
  return elapsed;
}

/** Starts a fresh Node process per run, cases interleaved, and takes medians. */
export function measureColdImports(runs: number): ImportResult[] {
  // One untimed pass fills the OS file cache, so that the first case is not penalized.
  for (const entry of importCases) timedProcess(entry.code);
  const samples = importCases.map(() => [] as number[]);
  for (let run = 0; run < runs; run += 1) {
    for (let turn = 0; turn < importCases.length; turn += 1) {
      const index = (run + turn) % importCases.length;
      samples[index]!.push(timedProcess(importCases[index]!.code));
    }
    if (run % 10 === 0) progress(`cold import: run ${run + 1} of ${runs}`);
  }
  const baseline = median(samples[0]!);
  return importCases.map((entry, index) => {
    const medianMs = median(samples[index]!);
    return { id: entry.id, label: entry.label, runs, medianMs, overBaselineMs: medianMs - baseline };
  });
}
