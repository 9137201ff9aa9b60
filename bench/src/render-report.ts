// `tsx src/render-report.ts`: writes BENCHMARKS.md again from bench/results/last-run.json (the
// results of the last `pnpm bench`), e.g. after a change to the report's wording.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchDirectory, repositoryRoot } from "./bench-paths";
import type { BenchResults } from "./bench-results";
import { markdownReport } from "./markdown-report";

const results = JSON.parse(
  readFileSync(join(benchDirectory, "results", "last-run.json"), "utf8"),
) as BenchResults;
writeFileSync(join(repositoryRoot, "BENCHMARKS.md"), markdownReport(results));
