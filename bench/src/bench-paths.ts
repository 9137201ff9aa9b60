import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The bench package folder (child processes run here so that its dependencies resolve). */
export const benchDirectory = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The repository root, where BENCHMARKS.md is written. */
export const repositoryRoot = join(benchDirectory, "..");
