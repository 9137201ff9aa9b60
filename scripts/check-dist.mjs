// Fails when a package's published build carries test code: an import of a test runner or
// assertion library, a file from a test-support folder or a test file bundled in (seen in the
// source maps), or a conformance suite shipped anywhere but @ffc/testing.
// Usage: node scripts/check-dist.mjs [packages-directory]   (run after the build)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const packagesDirectory = process.argv[2] ?? new URL("../packages", import.meta.url).pathname;
// The one package whose purpose is test support: it may assert and ship conformance suites.
const testSupportPackage = "testing";

const testModules = [
  /^(node:)?assert(\/strict)?$/,
  /^vitest(\/|$)/,
  /^@vitest\//,
  /^fast-check$/,
  /test-support/,
];
const testSources = [
  /\/test-support\//,
  /\.test(-d)?\.[cm]?ts$/,
  /node_modules\/(vitest|@vitest|fast-check)\//,
];
const importPattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

const problems = [];
for (const name of readdirSync(packagesDirectory)) {
  const dist = join(packagesDirectory, name, "dist");
  if (!existsSync(dist)) continue;
  for (const file of filesBelow(dist)) {
    const text = readFileSync(file, "utf8");
    const shown = relative(packagesDirectory, file);
    if (file.endsWith(".map")) {
      for (const source of JSON.parse(text).sources ?? []) {
        if (testSources.some((pattern) => pattern.test(source))) problems.push(`${shown}: bundles ${source}`);
      }
      continue;
    }
    for (const [, specifier] of text.matchAll(importPattern)) {
      const allowed = name === testSupportPackage && /^(node:)?assert/.test(specifier);
      if (!allowed && testModules.some((pattern) => pattern.test(specifier))) {
        problems.push(`${shown}: imports "${specifier}"`);
      }
    }
    if (name !== testSupportPackage && /ConformanceChecks\b/.test(text)) {
      problems.push(`${shown}: ships a conformance suite (they belong in @ffc/testing)`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Test code in published builds (${problems.length}):\n  ${problems.join("\n  ")}`);
  console.error("Move test helpers to src/test-support/ (imported by tests only) or to @ffc/testing.");
  process.exit(1);
}
console.log("check-dist: no package's dist imports or bundles test code.");

function* filesBelow(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesBelow(path);
    else if (/\.(c|m)?js$|\.d\.(c|m)?ts$|\.map$/.test(entry.name)) yield path;
  }
}
