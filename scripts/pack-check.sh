#!/usr/bin/env bash
# Release check: packs every publishable package as npm would publish it (pnpm pack turns
# workspace:* into real versions), then on each Node version given (default: 22 and 24; binaries
# from the npm registry, cached by scripts/node-binary.sh) installs the tarballs with that Node's
# npm into a fresh app outside the workspace, beside the current vendor SDK majors, and checks:
# - one copy of each vendor SDK and of @ffc/core is installed (peer dependencies);
# - the guide's example runs as an ES module app (scripts/pack-check-app.mjs);
# - a CommonJS app that names its provider by id gets errors of the classes it required
#   (scripts/pack-check-cjs-app.cjs);
# - createOpenAI/createAnthropic/createGoogle({ client }) with the app's own SDK clients
#   type-check with tsc and generate and stream (scripts/pack-check-clients.ts).
# Everything runs against FFC's fake vendor servers (no network but the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22 24)
work=$(mktemp -d /tmp/ffc-pack-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs"
for package in packages/*/; do
  (cd "$package" && bash "$root/scripts/pnpm.sh" pack --pack-destination "$work/tarballs" >/dev/null)
done
ls "$work/tarballs"

for version in "${versions[@]}"; do
  node_bin=$(bash scripts/node-binary.sh "$version")
  app="$work/app-node-$version"
  mkdir -p "$app"
  (
    # This Node and the npm that runs on it (npm's launcher runs the first `node` on PATH).
    export PATH="$(dirname "$node_bin"):$PATH"
    cd "$app"
    echo "--- Node $(node --version), npm $(npm --version): $app"
    node -e '
const fs = require("fs");
const tarballs = fs.readdirSync("../tarballs").filter((name) => name.endsWith(".tgz"));
const dependencies = {
  openai: "7.60.0",
  "@anthropic-ai/sdk": "1.17.0",
  "@google/genai": "3.3.0",
  "@opentelemetry/api": "1.9.0",
};
const overrides = {};
for (const name of tarballs) {
  const pkg = "@ffc/" + name.replace(/^ffc-/, "").replace(/-\d+\.\d+\.\d+.*\.tgz$/, "");
  dependencies[pkg] = "file:../tarballs/" + name;
  overrides[pkg] = "file:../tarballs/" + name;
}
const devDependencies = { typescript: "6.0.3", "@types/node": "^" + process.versions.node.split(".")[0] };
fs.writeFileSync("package.json", JSON.stringify({ name: "ffc-pack-check", private: true, type: "module", dependencies, devDependencies, overrides }, null, 2));
fs.writeFileSync("tsconfig.json", JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, exactOptionalPropertyTypes: true, skipLibCheck: false, types: ["node"] }, files: ["clients.ts"] }, null, 2));
'
    npm install --no-audit --no-fund --loglevel=error
    for name in openai @anthropic-ai/sdk @google/genai @ffc/core; do
      copies=$(npm query "#$name" | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(new Set(JSON.parse(s).map((p)=>p.path)).size))')
      if [ "$copies" != "1" ]; then
        echo "ERROR: $copies copies of $name installed (want one: vendor SDKs are peer dependencies)" >&2
        npm ls --all "$name" >&2 || true
        exit 1
      fi
    done
    npm ls openai @anthropic-ai/sdk @google/genai @ffc/core
    cp "$root/scripts/pack-check-app.mjs" app.mjs
    node app.mjs
    cp "$root/scripts/pack-check-cjs-app.cjs" cjs-app.cjs
    node cjs-app.cjs
    cp "$root/scripts/pack-check-clients.ts" clients.ts
    node_modules/.bin/tsc -p tsconfig.json
    node clients.js
  )
done
echo "pack check passed on Node ${versions[*]}"
