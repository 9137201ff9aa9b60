#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a machine with only Node 20 and npm:
# install (frozen lockfile), start Redis (installed with apt when missing), build, type-check,
# lint, run every package's tests, type-check the docs' examples, and check the packages
# (publint, attw). Any failure stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm() { bash scripts/pnpm.sh "$@"; }

step() { printf '\n=== %s ===\n' "$*"; }

step "install (frozen lockfile)"
pnpm install --frozen-lockfile

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

step "tests"
rm -f packages/*/.vitest-results.json examples/.vitest-results.json
pnpm turbo run test --concurrency=1 --output-logs=new-only -- --reporter=default --reporter=json --outputFile.json=.vitest-results.json

step "docs: every \`\`\`ts block in the READMEs and docs type-checks"
node scripts/check-docs.mjs

step "packages: publint and attw"
pnpm turbo run check:package --output-logs=errors-only

step "release: changesets version the packages, and the packed tarballs run the guide outside the workspace"
bash scripts/changeset-check.sh
bash scripts/pack-check.sh

step "summary"
node scripts/test-summary.mjs
