#!/bin/sh
# The Flatpak manifest parses, with no unknown keys (flatpak-builder only warns about those).
set -u
builder="$1"
manifest="$2"
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
grep -q '"id" : "io.github.gongkai.Gongkai"' "$out" || { echo "manifest id not found"; cat "$out"; exit 1; }
exit 0
