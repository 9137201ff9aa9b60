// Child process: the cold import of a full stack one package at a time, in a fresh process, so
// the report can say which package the start-up time goes to (each step is what that package
// adds on top of the ones already loaded, the vendor's SDK first).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { isEntryPoint, progress, reportToParent, runChild } from "./run-child";
import { median } from "./statistics";

/** What one package added to the start-up when imported after the previous ones. */
export interface ImportStep {
  specifier: string;
  ms: number;
  /** Node's built-in modules it loaded first (e.g. "crypto", "fs"), the ones not loaded before. */
  builtins: string[];
}

/** The packages of each vendor's full stack, in the order an app's imports load them. */
export const importStepOrders: Readonly<Record<string, readonly string[]>> = {
  openai: ["openai", "@ffc/core", "@ffc/openai"],
  anthropic: ["@anthropic-ai/sdk", "@ffc/core", "@ffc/anthropic"],
  google: ["@google/genai", "@ffc/core", "@ffc/google"],
};

/** The guide's plugins, imported after the provider (pricing first: tracking and budget need it). */
export const pluginSpecifiers = [
  "@ffc/retry",
  "@ffc/fallback",
  "@ffc/pricing",
  "@ffc/tracking",
  "@ffc/budget",
  "@ffc/ratelimit",
];

/**
 * Where `specifier` loads from. @ffc/pricing is not a dependency of the bench itself, so it is
 * resolved from @ffc/tracking, the package that depends on it.
 */
function resolved(specifier: string): string {
  if (specifier !== "@ffc/pricing") return specifier;
  const require = createRequire(import.meta.url);
  return pathToFileURL(createRequire(require.resolve("@ffc/tracking")).resolve(specifier)).href;
}

/** Node keeps a list of the built-in modules it has loaded ("NativeModule crypto", ...). */
function loadedBuiltins(): string[] {
  const list = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
  return list.filter((entry) => entry.startsWith("NativeModule ")).map((entry) => entry.slice(13));
}

/** Imports `specifiers` one after another and times each. */
export async function importSteps(specifiers: readonly string[]): Promise<ImportStep[]> {
  const steps: ImportStep[] = [];
  for (const specifier of specifiers) {
    const url = resolved(specifier);
    const before = new Set(loadedBuiltins());
    const started = performance.now();
    await import(url);
    const ms = performance.now() - started;
    // Public built-ins only: the internal modules they pull in would swamp the list.
    const builtins = loadedBuiltins().filter((name) => !before.has(name) && !name.startsWith("internal/"));
    steps.push({ specifier, ms, builtins });
  }
  return steps;
}

/** The median of each step of one vendor's full stack over fresh processes. */
export interface ImportProfile {
  vendor: string;
  runs: number;
  steps: ImportStep[];
}

/** Imports each vendor's full stack step by step in `runs` fresh processes per vendor. */
export async function measureImportSteps(runs: number): Promise<ImportProfile[]> {
  const profiles: ImportProfile[] = [];
  for (const vendor of Object.keys(importStepOrders)) {
    progress(`cold import, package by package: ${vendor}`);
    const samples: ImportStep[][] = [];
    for (let run = 0; run < runs; run += 1)
      samples.push(await runChild<ImportStep[]>("src/import-steps.ts", { args: [vendor] }));
    const steps = samples[0]!.map((step, index) => ({
      ...step,
      ms: median(samples.map((sample) => sample[index]!.ms)),
    }));
    profiles.push({ vendor, runs, steps });
  }
  return profiles;
}

if (isEntryPoint(import.meta.url)) {
  const vendor = process.argv[2] ?? "openai";
  reportToParent(await importSteps([...importStepOrders[vendor]!, ...pluginSpecifiers]));
}
