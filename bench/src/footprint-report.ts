// The profiles behind the footprint figures of issue 11 (memory, cold import, bundle size), so that
// a missed goal shows in BENCHMARKS.md where its bytes and milliseconds go.
import { type BenchResults, byId } from "./bench-results";
import { heapDifference } from "./heap-summary";
import { markdownTable } from "./markdown-table";
import type { MemoryResult, MemorySnapshot } from "./memory-bench";

const signed = (value: number, digits = 1) => `${value >= 0 ? "+" : ""}${value.toFixed(digits)}`;
const kilobytes = (bytes: number) => (bytes / 1000).toFixed(1);
const mebibytesOf = (bytes: number) => bytes / 2 ** 20;

/** Each vendor's raw SDK and full stack, by their ids in the results. */
const vendorPairs = [
  { vendor: "OpenAI", raw: "raw", full: "ffc-full", bare: "ffc", fullBundle: "full", imports: "openai" },
  {
    vendor: "Anthropic",
    raw: "anthropic-raw",
    full: "anthropic-full",
    bare: "anthropic-bare",
    fullBundle: "anthropic-full",
    imports: "anthropic",
  },
  {
    vendor: "Gemini",
    raw: "google-raw",
    full: "google-full",
    bare: "google-bare",
    fullBundle: "google-full",
    imports: "google",
  },
];

/** The heap's compiled code in a heap summary (V8's "(code)" group), in bytes. */
function codeBytes(entry: MemoryResult): number {
  return entry.heap?.find((group) => group.name === "(code)")?.bytes ?? 0;
}

/** Memory of the full stack minus the raw SDK at each stage, and the heap's objects behind it. */
export function memoryProfileSection(results: BenchResults): string {
  const present = vendorPairs.filter(
    (pair) =>
      results.memory.some((entry) => entry.id === pair.raw) &&
      results.memory.some((entry) => entry.id === pair.full),
  );
  const over = (
    full: MemorySnapshot | undefined,
    raw: MemorySnapshot | undefined,
    key: keyof MemorySnapshot,
  ) =>
    full && raw && full[key] !== undefined && raw[key] !== undefined ? signed(full[key] - raw[key]) : "n/a";
  const stageRows = present.map((pair) => {
    const raw = byId(results.memory, pair.raw);
    const full = byId(results.memory, pair.full);
    return [
      pair.vendor,
      over(full.afterLoad, raw.afterLoad, "rssMiB"),
      over(full.baseline, raw.baseline, "rssMiB"),
      over(full.afterSecondWave, raw.afterSecondWave, "rssMiB"),
      over(full.afterSecondWave, raw.afterSecondWave, "heapUsedMiB"),
      over(full.afterSecondWave, raw.afterSecondWave, "heapTotalMiB"),
      over(full.afterSecondWave, raw.afterSecondWave, "externalMiB"),
      full.heap && raw.heap ? signed(mebibytesOf(codeBytes(full) - codeBytes(raw))) : "n/a",
    ];
  });
  const parts = [
    "### Memory profile: the full stack minus its raw SDK",
    "",
    "MiB over the raw SDK in the same run (medians of the processes above). After loading: the modules and clients, before any call, which is code and start-up data; after 1 call: what the first call loads and compiles; after both waves: what the calls leave behind. Heap reserved is the V8 heap RSS counts whether used or not; external is memory of buffers and sockets; compiled code is the heap's `(code)` objects.",
    "",
    markdownTable(
      [
        "vendor",
        "RSS after loading",
        "RSS after 1 call",
        "RSS after both waves",
        "heap used",
        "heap reserved",
        "external",
        "compiled code",
      ],
      stageRows,
    ),
  ];
  for (const pair of present) {
    const raw = byId(results.memory, pair.raw);
    const full = byId(results.memory, pair.full);
    if (!raw.heap || !full.heap) continue;
    const rows = heapDifference(full.heap, raw.heap, 10).map((difference) => [
      `\`${difference.name}\``,
      signed(difference.countOver, 0),
      kilobytes(difference.bytesOver),
      kilobytes(difference.bytes),
    ]);
    parts.push(
      "",
      `Heap after both waves, ${pair.vendor} full stack minus raw SDK, by constructor (V8 heap snapshot of the first process; own sizes, not retained; strings, arrays and compiled code by kind):`,
      "",
      markdownTable(["objects of", "count over raw", "kB over raw", "kB in the full stack"], rows),
    );
  }
  return parts.join("\n");
}

/** The cold import of each vendor's full stack, one package at a time. */
export function importProfileSection(results: BenchResults): string {
  const profiles = results.importProfiles ?? [];
  if (profiles.length === 0) return "";
  const parts = [
    "### Cold import, package by package",
    "",
    `Each vendor's full stack imported one package after another in a fresh process (\`bench/src/import-steps.ts\`, median of ${profiles[0]!.runs} processes): each figure is what that package adds to the start-up on top of the ones before it, the vendor's SDK first, so @ffc/openai's figure leaves out the \`openai\` SDK it imports. The first import also pays for starting Node's ES module loader. Built-ins are Node's public modules that the package was first to load.`,
  ];
  for (const profile of profiles) {
    const ours = profile.steps.filter((step) => step.specifier.startsWith("@ffc/"));
    const total = ours.reduce((sum, step) => sum + step.ms, 0);
    const rows = profile.steps.map((step) => [
      `\`${step.specifier}\``,
      step.ms.toFixed(1),
      step.builtins.join(", "),
    ]);
    rows.push(["all @ffc packages", total.toFixed(1), ""]);
    const vendor = vendorPairs.find((pair) => pair.imports === profile.vendor)?.vendor ?? profile.vendor;
    parts.push("", `${vendor}:`, "", markdownTable(["package", "ms", "built-ins it loaded"], rows));
  }
  return parts.join("\n");
}

/** Packages named on a bundle's line; the SDKs' many small dependencies are summed after them. */
const packagesShown = 12;

/** Where each FFC bundle's bytes come from, by package and, for the builds from source, by file. */
export function bundleBreakdownSection(results: BenchResults): string {
  const packageLine = (id: string) => {
    const entry = results.bundles.find((candidate) => candidate.id === id);
    if (!entry?.byPackage) return undefined;
    const shown = entry.byPackage.slice(0, packagesShown);
    const rest = entry.byPackage.slice(packagesShown).reduce((sum, item) => sum + item.bytes, 0);
    const packages = shown.map((item) => `${item.name} ${kilobytes(item.bytes)}`);
    if (rest > 0) packages.push(`${entry.byPackage.length - packagesShown} others ${kilobytes(rest)}`);
    return `- ${entry.label}: ${packages.join(", ")}`;
  };
  const ids = [...vendorPairs.flatMap((pair) => [pair.raw, pair.bare, pair.fullBundle]), "core"];
  const sourceBuilds = results.bundles
    .filter((entry) => entry.id.endsWith("-source"))
    .map(
      (entry) =>
        `- ${entry.label}: ${entry.largestInputs.map((input) => `\`${input.path}\` ${kilobytes(input.bytes)}`).join(", ")}`,
    );
  return [
    "### Bundle profile",
    "",
    "Minified kB in each bundle by package; the raw app's line shows the SDK's own share, so the rest of an FFC line is what FFC adds:",
    "",
    ...ids.map(packageLine).filter((line): line is string => line !== undefined),
    "",
    "Our largest source files in the builds from TypeScript source (minified kB in the output):",
    "",
    ...sourceBuilds,
  ].join("\n");
}

/** The vendor pair a goal of issue 11 is about, from its name ("Anthropic full stack ..."). */
function pairOf(goal: string) {
  return vendorPairs.find((pair) => goal.startsWith(`${pair.vendor} `));
}

/** What an FFC bundle adds over another, by package, largest first, as "name +kB" (minified). */
function addedPackages(results: BenchResults, id: string, baselineId: string, top = 6): string {
  const entry = results.bundles.find((candidate) => candidate.id === id);
  const baseline = results.bundles.find((candidate) => candidate.id === baselineId);
  if (!entry?.byPackage || !baseline?.byPackage) return "";
  const before = new Map(baseline.byPackage.map((item) => [item.name, item.bytes]));
  return entry.byPackage
    .map((item) => ({ name: item.name, bytes: item.bytes - (before.get(item.name) ?? 0) }))
    .filter((item) => item.bytes >= 500)
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, top)
    .map((item) => `${item.name} +${kilobytes(item.bytes)}`)
    .join(", ");
}

/**
 * Why a footprint goal (memory, cold import, bundle) was missed, from this run's own profiles;
 * undefined for other goals.
 */
export function footprintCause(results: BenchResults, goal: string): string | undefined {
  const pair = pairOf(goal);
  if (goal.includes("@ffc/core alone")) {
    const core = results.bundles.find((entry) => entry.id === "core-source");
    const files = core?.largestInputs.slice(0, 5).map((input) => `${input.path} ${kilobytes(input.bytes)}`);
    return `@ffc/core's own code, ${kilobytes(core?.byPackage?.find((item) => item.name === "@ffc/core")?.bytes ?? 0)} kB minified for an app that builds a prompt and makes a call (LLMManager's options, policies, tool loop, stream assembly and errors are all reachable from \`generate\`); largest files: ${files?.join(", ")} kB (see the bundle profile).`;
  }
  if (!pair) return undefined;
  if (goal.includes("RSS")) {
    const raw = results.memory.find((entry) => entry.id === pair.raw);
    const full = results.memory.find((entry) => entry.id === pair.full);
    if (!raw?.afterLoad || !full?.afterLoad) return "see the memory profile.";
    const over = (key: "afterLoad" | "baseline" | "afterSecondWave", field: keyof MemorySnapshot) =>
      signed(full[key][field] - raw[key][field]);
    return `RSS over raw is ${over("afterLoad", "rssMiB")} MiB after loading (code and start-up data), ${over("baseline", "rssMiB")} after the first call and ${over("afterSecondWave", "rssMiB")} after both waves, of which the V8 heap is ${over("afterSecondWave", "heapUsedMiB")} MiB used (${over("afterSecondWave", "heapTotalMiB")} reserved); the rest is native memory and code pages that vary by several MiB between processes. The memory profile lists the heap's objects by constructor.`;
  }
  if (goal.includes("cold import")) {
    const profile = results.importProfiles?.find((entry) => entry.vendor === pair.imports);
    if (!profile) return "see the cold import section.";
    const ours = profile.steps.filter((step) => step.specifier.startsWith("@ffc/"));
    const total = ours.reduce((sum, step) => sum + step.ms, 0);
    const largest = [...ours]
      .sort((left, right) => right.ms - left.ms)
      .slice(0, 3)
      .map((step) => `${step.specifier} ${step.ms.toFixed(1)} ms`);
    const smallest = Math.min(...ours.map((step) => step.ms));
    return `the ${ours.length} @ffc packages take ${total.toFixed(1)} ms package by package (largest: ${largest.join(", ")}). The smallest takes ${smallest.toFixed(1)} ms, the cost of resolving, reading, compiling and linking a package of ES modules at all, so ${ours.length} packages cost at least ${(smallest * ours.length).toFixed(0)} ms before any start-up work of their own (see the cold import profile).`;
  }
  if (goal.includes("full stack one-call app bundle")) {
    const fromSource = results.bundles.find((entry) => entry.id === "full-source");
    const priceData = (fromSource?.largestInputs ?? [])
      .filter((input) => input.path.includes("/price-data/"))
      .map((input) => `${input.path.replace(/.*\//, "")} ${kilobytes(input.bytes)}`);
    const sourceId = pair.fullBundle === "full" ? "full-source" : `${pair.fullBundle}-source`;
    const gzipped = (id: string) => results.bundles.find((entry) => entry.id === id)?.gzippedBytes;
    const allPrices = gzipped(sourceId);
    const ownPrices = gzipped(`${pair.fullBundle}-own-prices`);
    const saving =
      allPrices !== undefined && ownPrices !== undefined
        ? `; with only its own vendor's price data the app would weigh ${kilobytes(allPrices - ownPrices)} kB min+gz less (the what-if rows), not enough alone for the goal`
        : "";
    return `FFC adds, minified: ${addedPackages(results, pair.fullBundle, pair.raw, 8)} kB. @ffc/pricing carries the price data of all three vendors although the app calls one (minified kB: ${priceData.join(", ")})${saving}. Moving each vendor's prices into its provider package would put them in the bare app as well (see the bundle profile).`;
  }
  if (goal.includes("bare one-call app bundle"))
    return `FFC adds, minified: ${addedPackages(results, pair.bare, pair.raw)} kB, its own code for every feature reachable from \`generate\` (the largest files are in the bundle profile).`;
  return undefined;
}
