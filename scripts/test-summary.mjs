// Adds up the vitest JSON reports of every package, for each Node run named on the command line
// (`node scripts/test-summary.mjs node24 node20` reads .vitest-results-node24.json and
// .vitest-results-node20.json; no argument reads .vitest-results.json), prints each run's counts
// and one closing line over all runs: "Tests: N passed, N failed, N skipped".
// Fails when a package ran no test at all in any run.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const labels = process.argv.slice(2);
const runs =
  labels.length > 0
    ? labels.map((label) => ({ label, file: `.vitest-results-${label}.json` }))
    : [{ label: "tests", file: ".vitest-results.json" }];
const folders = [
  ...readdirSync("packages").map((name) => join("packages", name)),
  "examples",
  "bench",
  "fuzz",
];
const total = { passed: 0, failed: 0, skipped: 0 };
const empty = [];
for (const { label, file } of runs) {
  const run = { passed: 0, failed: 0, skipped: 0 };
  console.log(`--- ${label}`);
  for (const folder of folders) {
    if (!existsSync(join(folder, "package.json"))) continue;
    const report = join(folder, file);
    if (!existsSync(report)) {
      empty.push(`${folder} (${label})`);
      continue;
    }
    const results = JSON.parse(readFileSync(report, "utf8"));
    run.passed += results.numPassedTests;
    run.failed += results.numFailedTests;
    run.skipped += results.numPendingTests + (results.numTodoTests ?? 0);
    if (results.numTotalTests === 0) empty.push(`${folder} (${label})`);
    console.log(`${folder.padEnd(22)} ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  }
  console.log(`${label}: ${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped`);
  for (const key of Object.keys(total)) total[key] += run[key];
}
if (empty.length > 0) {
  console.error(`No test report from: ${empty.join(", ")} (every package must have tests).`);
}
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (total.failed > 0 || empty.length > 0 || total.passed === 0) process.exit(1);
