#!/bin/sh
# The Flatpak manifest parses, with no unknown keys (flatpak-builder only warns about those),
# has the expected id, and a development manifest builds the development flavour.
# usage: test-flatpak-manifest.sh FLATPAK-BUILDER MANIFEST ID [DEVELOPMENT]
set -u
builder="$1"
manifest="$2"
id="$3"
development="${4:-}"
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

if ! "$builder" --show-manifest "$manifest" >"$out" 2>"$err"; then
  cat "$err"
  exit 1
fi
if [ -s "$err" ]; then
  echo "flatpak-builder complained:"
  cat "$err"
  exit 1
fi
grep -q "\"id\" : \"$id\"" "$out" || { echo "manifest id $id not found"; cat "$out"; exit 1; }
if [ -n "$development" ]; then
  grep -q '"-Ddevelopment=true"' "$out" || { echo "a development manifest must configure -Ddevelopment=true"; exit 1; }
else
  if grep -q 'development' "$out"; then echo "the release manifest must not build the development flavour"; exit 1; fi
fi
# No broad filesystem access: files come through the portal.
if grep -q -- '--filesystem' "$out"; then echo "finish-args must not grant filesystem access"; exit 1; fi
exit 0
