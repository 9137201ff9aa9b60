// Adds up the vitest JSON reports of every package and prints one closing line,
// "Tests: N passed, N failed, N skipped". Fails when a package ran no test at all.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const folders = [
  ...readdirSync("packages").map((name) => join("packages", name)),
  "examples",
  "bench",
  "fuzz",
];
let passed = 0;
let failed = 0;
let skipped = 0;
const empty = [];
for (const folder of folders) {
  const report = join(folder, ".vitest-results.json");
  if (!existsSync(join(folder, "package.json"))) continue;
  if (!existsSync(report)) {
    empty.push(folder);
    continue;
  }
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + (results.numTodoTests ?? 0);
  console.log(`${folder.padEnd(22)} ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
}
if (empty.length > 0) {
  console.error(`No test report from: ${empty.join(", ")} (every package must have tests).`);
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || empty.length > 0 || passed === 0) process.exit(1);
