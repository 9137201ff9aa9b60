import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of the @ffc/bench package.json above `start` (sources and compiled scripts sit at different depths). */
function findBenchDirectory(start: string): string {
  for (let folder = start; folder !== dirname(folder); folder = dirname(folder)) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "@ffc/bench")
      return folder;
  }
  throw new Error(`No @ffc/bench package.json above ${start}.`);
}

/** The bench package folder (child processes run here so that its dependencies resolve). */
export const benchDirectory = findBenchDirectory(dirname(fileURLToPath(import.meta.url)));
/** The repository root, where BENCHMARKS.md is written. */
export const repositoryRoot = join(benchDirectory, "..");
