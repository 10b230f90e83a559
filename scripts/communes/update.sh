#!/usr/bin/env bash
# Refreshes the official commune list the territory module loads (see docs/communes.md):
#   scripts/communes/update.sh 6.0.0
# Downloads the given version of @etalab/decoupage-administratif from the npm registry (npm pack:
# no install, no script of the package runs), extracts the compact files into
# src/main/resources/territory/ and removes the files of other versions. Then set
# raccroche.territory.communes-version to the same version and commit.
set -euo pipefail
version="${1:?usage: $0 <package version, e.g. 6.0.0>}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@etalab/decoupage-administratif@$version" >/dev/null && tar xzf ./*.tgz)
out="$root/src/main/resources/territory"
mkdir -p "$out"
find "$out" -name 'communes-*.tsv' ! -name "communes-$version.tsv" -delete
find "$out" -name 'epci-*.tsv' ! -name "epci-$version.tsv" -delete
find "$out" -name 'departements-*.tsv' ! -name "departements-$version.tsv" -delete
find "$out" -name 'regions-*.tsv' ! -name "regions-$version.tsv" -delete
cp "$work/package/LICENSE" "$out/decoupage-administratif-LICENSE.txt"
node "$root/scripts/communes/extract.mjs" "$work/package" "$out"
