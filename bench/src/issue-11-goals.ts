import { type BenchResults, byId } from "./bench-results";
import type { GoalCheck } from "./goals";

/** The ids of one vendor's contenders in each benchmark's results. */
interface VendorIds {
  name: string;
  perCall: { raw: string; bare: string; full: string };
  memory: { raw: string; full: string };
  imports: { raw: string; full: string };
  bundles: { raw: string; bare: string; full: string };
}

const vendorIds: readonly VendorIds[] = [
  {
    name: "OpenAI",
    perCall: { raw: "raw", bare: "ffc-bare", full: "ffc-full" },
    memory: { raw: "raw", full: "ffc-full" },
    imports: { raw: "raw", full: "full" },
    bundles: { raw: "raw", bare: "ffc", full: "full" },
  },
  ...(["anthropic", "google"] as const).map((vendor) => ({
    name: vendor === "anthropic" ? "Anthropic" : "Gemini",
    perCall: { raw: `${vendor}-raw`, bare: `${vendor}-bare`, full: `${vendor}-full` },
    memory: { raw: `${vendor}-raw`, full: `${vendor}-full` },
    imports: { raw: `${vendor}-raw`, full: `${vendor}-full` },
    bundles: { raw: `${vendor}-raw`, bare: `${vendor}-bare`, full: `${vendor}-full` },
  })),
];

const ratio = (value: number) => `×${value.toFixed(2)}`;
const signed = (value: number, unit: string) => `${value >= 0 ? "+" : ""}${value.toFixed(1)} ${unit}`;
/** The goals speak of MB (10^6 bytes); memory is measured in MiB. */
const mebibytesPerMegabyte = 1_000_000 / 1_048_576;

/** Issue 11's goals for one vendor, against its own raw SDK measured in the same run. */
function vendorGoals(results: BenchResults, ids: VendorIds): GoalCheck[] {
  const perCall = (id: string) => byId(results.perCall, id).summary;
  const raw = perCall(ids.perCall.raw);
  const full = perCall(ids.perCall.full);
  const medianRatio = full.median / raw.median;
  const p99Ratio = full.p99 / raw.p99;
  const rss = (id: string) => byId(results.memory, id).afterSecondWave.rssMiB;
  const rssOver = rss(ids.memory.full) - rss(ids.memory.raw);
  const importOver =
    byId(results.imports, ids.imports.full).medianMs - byId(results.imports, ids.imports.raw).medianMs;
  const gzipped = (id: string) => byId(results.bundles, id).gzippedBytes;
  const fullBundleOver = (gzipped(ids.bundles.full) - gzipped(ids.bundles.raw)) / 1000;
  const bareBundleOver = (gzipped(ids.bundles.bare) - gzipped(ids.bundles.raw)) / 1000;
  const partsPerSecond = (id: string) => byId(results.streaming, id).partsPerSecond;
  const rawParts = partsPerSecond(ids.perCall.raw);
  const bareShare = partsPerSecond(ids.perCall.bare) / rawParts;
  const fullShare = partsPerSecond(ids.perCall.full) / rawParts;
  const name = ids.name;
  return [
    {
      goal: `${name} full stack per call: p50 ≤ raw ×1.10, p99 ≤ raw ×1.15`,
      measured: `p50 ${ratio(medianRatio)}, p99 ${ratio(p99Ratio)}`,
      met: medianRatio <= 1.1 && p99Ratio <= 1.15,
    },
    {
      goal: `${name} full stack RSS after 2,000 calls ≤ raw + 15 MB`,
      measured: signed(rssOver, "MiB"),
      met: rssOver <= 15 * mebibytesPerMegabyte,
    },
    {
      goal: `${name} full stack cold import ≤ raw + 40 ms`,
      measured: signed(importOver, "ms"),
      met: importOver <= 40,
    },
    {
      goal: `${name} full stack one-call app bundle ≤ raw + 40 kB min+gz`,
      measured: signed(fullBundleOver, "kB"),
      met: fullBundleOver <= 40,
    },
    {
      goal: `${name} bare one-call app bundle ≤ raw + 10 kB min+gz`,
      measured: signed(bareBundleOver, "kB"),
      met: bareBundleOver <= 10,
    },
    {
      goal: `${name} streaming parts/s, bare and full stack ≥ 90% of raw`,
      measured: `bare ${(bareShare * 100).toFixed(0)}%, full ${(fullShare * 100).toFixed(0)}%`,
      met: bareShare >= 0.9 && fullShare >= 0.9,
    },
  ];
}

/** Every goal of issue 11, for OpenAI, Anthropic and Gemini, plus @ffc/core's own size. */
export function checkIssue11Goals(results: BenchResults): GoalCheck[] {
  const core = byId(results.bundles, "core").gzippedBytes / 1000;
  return [
    ...vendorIds.flatMap((ids) => vendorGoals(results, ids)),
    { goal: "@ffc/core alone ≤ 8 kB min+gz", measured: `${core.toFixed(1)} kB`, met: core <= 8 },
  ];
}
