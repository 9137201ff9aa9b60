#!/usr/bin/env bash
# Runs the guide's example end to end. With OPENAI_API_KEY (or ANTHROPIC_API_KEY / GEMINI_API_KEY)
# set it calls the real vendor; without, it starts FFC's local fake OpenAI server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/pnpm.sh install --frozen-lockfile >/dev/null
bash scripts/pnpm.sh turbo run build --output-logs=errors-only >/dev/null
cd examples
exec ../node_modules/.bin/tsx src/demo.ts
