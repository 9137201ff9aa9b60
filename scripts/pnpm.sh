#!/usr/bin/env bash
# Runs the pinned pnpm, fetching it with npx on a machine that has only Node and npm.
set -euo pipefail
wanted="12.4.2"
if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$wanted" ]; then
  exec pnpm "$@"
fi
exec npx -y "pnpm@$wanted" "$@"
