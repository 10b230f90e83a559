#!/usr/bin/env bash
# Copies the pinned front-end assets (package-lock.json) into the build:
#   - the État's design system, @gouvfr/dsfr: the compiled CSS and JS, the Marianne and Spectral
#     fonts, the icons its CSS refers to, the favicon and the licence, into
#     src/main/resources/static/dsfr/ (the application serves them at /dsfr/...);
#   - axe-core's axe.min.js and licence into src/test/resources/axe/ (the browser tests inject it).
# The copies are committed, so neither the build nor the app fetches anything at run time.
#   bash tools/vendor/vendor.sh          refresh the copies (after changing a version here)
#   bash tools/vendor/vendor.sh --check  fail if the committed copies differ from the pinned packages
# npm's --ignore-scripts: DSFR's preinstall script expects a DSFR site project, not a copy.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mode="${1:-write}"

(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dsfr="$here/node_modules/@gouvfr/dsfr"
mkdir -p "$out/dsfr" "$out/axe"
cp "$dsfr/dist/dsfr.min.css" "$dsfr/dist/dsfr.module.min.js" "$dsfr/dist/dsfr.nomodule.min.js" "$out/dsfr/"
cp "$dsfr/LICENSE.md" "$out/dsfr/LICENSE.md"
cp -r "$dsfr/dist/favicon" "$out/dsfr/favicon"
mkdir -p "$out/dsfr/fonts"
cp "$dsfr"/dist/fonts/*.woff2 "$dsfr"/dist/fonts/*.woff "$out/dsfr/fonts/"
# Only the icons the stylesheet refers to (the package holds thousands).
grep -o 'url(icons/[^)]*)' "$dsfr/dist/dsfr.min.css" | sed 's/^url(//; s/)$//' | sort -u |
  while read -r icon; do
    mkdir -p "$out/dsfr/$(dirname "$icon")"
    cp "$dsfr/dist/$icon" "$out/dsfr/$icon"
  done
echo "$(node -p "require('$dsfr/package.json').version")" > "$out/dsfr/VERSION"
cp "$here/node_modules/axe-core/axe.min.js" "$here/node_modules/axe-core/LICENSE" "$out/axe/"
echo "$(node -p "require('$here/node_modules/axe-core/package.json').version")" > "$out/axe/VERSION"

targets=("$root/src/main/resources/static/dsfr" "$root/src/test/resources/axe")
sources=("$out/dsfr" "$out/axe")
if [ "$mode" = "--check" ]; then
  status=0
  for i in 0 1; do
    if ! diff -rq "${sources[$i]}" "${targets[$i]}" > /dev/null; then
      echo "Vendored copy differs from the pinned package: ${targets[$i]#"$root"/} (run bash tools/vendor/vendor.sh)" >&2
      diff -rq "${sources[$i]}" "${targets[$i]}" >&2 || true
      status=1
    fi
  done
  exit $status
fi
for i in 0 1; do
  rm -rf "${targets[$i]}"
  mkdir -p "$(dirname "${targets[$i]}")"
  cp -r "${sources[$i]}" "${targets[$i]}"
done
echo "Vendored DSFR $(cat "$out/dsfr/VERSION") and axe-core $(cat "$out/axe/VERSION")"
