#!/usr/bin/env bash
# Prints the path of a Node binary of the wanted version range (e.g. "24", "22", "20.19"),
# installing it from the npm registry's `node` package into ~/.cache/ffc-node/<range> on first
# use and reusing it afterwards. Usage: node_bin=$(bash scripts/node-binary.sh 24)
set -euo pipefail
range="${1:?usage: node-binary.sh <version range, e.g. 24 or 20.19>}"
cache="${FFC_NODE_CACHE:-$HOME/.cache/ffc-node}/$range"
binary="$cache/node_modules/node/bin/node"
if [ ! -x "$binary" ] || ! "$binary" --version >/dev/null 2>&1; then
  mkdir -p "$cache"
  # The package's preinstall script only checks the platform; npm may warn that it was not
  # approved. The binary arrives with the package all the same.
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error --no-save "node@$range" >&2
fi
[ -x "$binary" ] || { echo "no Node $range binary at $binary" >&2; exit 1; }
echo "$binary"
