// Every package is published as ESM only and CommonJS apps load it with require(esm), which
// refuses a module graph that uses top-level await (ERR_REQUIRE_ASYNC_MODULE). This check reads
// every built dist/*.js file with TypeScript's parser and fails on an `await` (or `for await`)
// outside any function, then require()s each package entry, as a CommonJS app would.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import ts from "typescript";

const root = resolve(import.meta.dirname, "..");
const packagesFolder = join(root, "packages");
const problems = [];
let files = 0;

function topLevelAwaits(sourceFile) {
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)) return;
    const isAwait =
      ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier !== undefined);
    if (isAwait) {
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      found.push(line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

for (const name of readdirSync(packagesFolder)) {
  const dist = join(packagesFolder, name, "dist");
  let entries;
  try {
    entries = readdirSync(dist, { recursive: true });
  } catch {
    problems.push(`packages/${name}: no dist folder (build first)`);
    continue;
  }
  for (const entry of entries.filter((file) => String(file).endsWith(".js"))) {
    const path = join(dist, String(entry));
    const text = readFileSync(path, "utf8");
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    files += 1;
    for (const line of topLevelAwaits(source)) {
      problems.push(`packages/${name}/dist/${entry}:${line}: top-level await (require(esm) refuses it)`);
    }
  }
  const manifest = JSON.parse(readFileSync(join(packagesFolder, name, "package.json"), "utf8"));
  const require = createRequire(join(packagesFolder, name, "package.json"));
  for (const [entry, target] of Object.entries(manifest.exports)) {
    if (typeof target?.default !== "string") continue;
    try {
      require(join(packagesFolder, name, target.default));
    } catch (error) {
      problems.push(`${manifest.name} ${entry}: require() failed: ${error.code ?? ""} ${error.message}`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `no top-level await in ${files} dist files; every package entry (subpaths too) loads with require()`,
);
