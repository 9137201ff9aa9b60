#!/usr/bin/env bash
# Publishes every package whose version is not on the registry yet, with npm provenance. pnpm packs
# each one (turning workspace:* into real versions); `npm publish --provenance` publishes the
# tarball. Prints "New tag: <name>@<version>" per package, which changesets/action turns into git
# tags and GitHub releases. Run by .github/workflows/release.yml after `pnpm build`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
if [ -n "${NPM_TOKEN:-}" ]; then
  # The registry npm is configured with, without naming it here.
  registry=$(npm config get registry)
  npm config set "${registry#http*:}:_authToken" "$NPM_TOKEN"
fi
out=$(mktemp -d /tmp/ffc-publish-XXXXXX)
trap 'rm -rf "$out"' EXIT
for package in packages/*/; do
  name=$(node -p "require('./$package/package.json').name")
  version=$(node -p "require('./$package/package.json').version")
  private=$(node -p "Boolean(require('./$package/package.json').private)")
  [ "$private" = "true" ] && continue
  if [ "$(npm view "$name@$version" version 2>/dev/null)" = "$version" ]; then
    echo "$name@$version is already published"
    continue
  fi
  tarball=$(cd "$package" && bash "$root/scripts/pnpm.sh" pack --pack-destination "$out" | tail -n 1)
  npm publish "$tarball" --provenance --access public
  echo "New tag: $name@$version"
done
