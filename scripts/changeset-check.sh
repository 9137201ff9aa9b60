#!/usr/bin/env bash
# Runs `changeset version` in a throwaway clone and checks that it bumps every package that has
# a changeset and writes its CHANGELOG, without touching this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
clone=$(mktemp -d /tmp/ffc-changeset-XXXXXX)
trap 'rm -rf "$clone"' EXIT
git clone --quiet --no-hardlinks "$root" "$clone"
# Uncommitted changesets are part of what is checked when run by hand.
cp .changeset/*.md "$clone/.changeset/" 2>/dev/null || true
cd "$clone"
ln -s "$root/node_modules" node_modules
node_modules/.bin/changeset version >/dev/null
changed=0
for package in packages/*/; do
  name=$(node -p "require('./$package/package.json').name")
  before=$(node -p "require('$root/$package/package.json').version")
  after=$(node -p "require('./$package/package.json').version")
  if grep -q "\"$name\"" "$root"/.changeset/*.md 2>/dev/null; then
    if [ "$before" = "$after" ] || [ ! -f "$package/CHANGELOG.md" ]; then
      echo "ERROR: $name has a changeset but changeset version did not bump it ($before -> $after) or write its CHANGELOG" >&2
      exit 1
    fi
    changed=$((changed + 1))
    echo "$name $before -> $after"
  fi
done
[ "$changed" -gt 0 ] || { echo "ERROR: no package has a changeset" >&2; exit 1; }
echo "changeset version bumps $changed packages and writes their changelogs"
