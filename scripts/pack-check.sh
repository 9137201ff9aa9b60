#!/usr/bin/env bash
# Release check: packs every publishable package as npm would publish it (pnpm pack turns
# workspace:* into real versions), installs the tarballs into a fresh folder outside the
# workspace with plain npm, and runs the guide's example from them against the fake servers.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/ffc-pack-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs" "$work/app"
for package in packages/*/; do
  (cd "$package" && bash "$root/scripts/pnpm.sh" pack --pack-destination "$work/tarballs" >/dev/null)
done
ls "$work/tarballs"
cd "$work/app"
node -e '
const fs = require("fs");
const tarballs = fs.readdirSync("../tarballs").filter((name) => name.endsWith(".tgz"));
const dependencies = {};
const overrides = {};
for (const name of tarballs) {
  const pkg = "@ffc/" + name.replace(/^ffc-/, "").replace(/-\d+\.\d+\.\d+.*\.tgz$/, "");
  dependencies[pkg] = "file:../tarballs/" + name;
  overrides[pkg] = "file:../tarballs/" + name;
}
fs.writeFileSync("package.json", JSON.stringify({ name: "ffc-pack-check", private: true, type: "module", dependencies, overrides }, null, 2));
'
npm install --no-audit --no-fund --loglevel=error
cp "$root/scripts/pack-check-app.mjs" app.mjs
node app.mjs
