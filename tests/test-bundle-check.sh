#!/bin/sh
# test-bundle-check.sh: the publication bundle checked by outside validators: html (Nu HTML
# Checker), ocds (OCDS 1.1.5 schemas) or axe (axe-core in headless Chromium). A validator
# that is not installed skips its check (exit 77) and says so.
# Usage: test-bundle-check.sh html|ocds|axe GONGKAI-CLI TEST-BUNDLE TOOLS-DIR SOURCE-ROOT
set -eu
check=$1 cli=$2 test_bundle=$3 tools=$4 source_root=$5

skip () {
  echo "SKIP: $*" >&2
  exit 77
}

case "$check" in
  html)
    command -v java >/dev/null || skip "no Java runtime (Debian: default-jre-headless)"
    vnu="$tools/node_modules/vnu-jar/build/dist/vnu.jar"
    [ -f "$vnu" ] || skip "no $vnu (npm install --prefix $tools vnu-jar)"
    ;;
  ocds)
    # ../shared/oracles beside the project (or beside the folder of its worktrees).
    oracles="$source_root/../shared/oracles/ocds-1.1.5"
    [ -d "$oracles" ] || oracles="$source_root/../../shared/oracles/ocds-1.1.5"
    [ -f "$oracles/release-package-schema.json" ] || skip "no OCDS schemas at $oracles"
    /usr/bin/python3 -c 'import jsonschema' 2>/dev/null || skip "no python3-jsonschema"
    ;;
  axe)
    command -v chromium >/dev/null || skip "no chromium"
    command -v node >/dev/null || skip "no node"
    [ -d "$tools/node_modules/playwright-core" ] && [ -f "$tools/node_modules/axe-core/axe.min.js" ] ||
      skip "no playwright-core and axe-core in $tools/node_modules"
    ;;
  *)
    echo "usage: $0 html|ocds|axe CLI TEST-BUNDLE TOOLS SOURCE-ROOT" >&2
    exit 2
    ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Three bundles: the sample ledger (every item, long lists, projects), the
# test ledger of canaries and injections, and a record corrected by a 变更.
"$cli" --db "$work/demo.db" demo --records 300 --seed 7 >/dev/null 2>&1
"$cli" --db "$work/demo.db" publish -o "$work/demo" --today 2025-10-15 >/dev/null
GK_TEST_BUNDLE_KEEP="$work/test" "$test_bundle" -p /bundle/nothing-private >/dev/null 2>&1
# A record corrected by a 变更, whose page carries its 更正公告.
GK_TEST_BUNDLE_KEEP="$work/change" "$test_bundle" -p /bundle/change-notice >/dev/null 2>&1
for bundle in demo test change; do
  [ -f "$work/$bundle/index.html" ] || { echo "no $bundle bundle" >&2; exit 1; }
done
grep -rlq '更正公告' "$work/change/record" || { echo "no 更正公告 in the change bundle" >&2; exit 1; }

case "$check" in
  html)
    # Every page of the three bundles, in one JVM: zero errors.
    find "$work/demo" "$work/test" "$work/change" -name '*.html' | sort > "$work/pages"
    echo "checking $(wc -l < "$work/pages") pages with the Nu HTML Checker"
    xargs java -jar "$vnu" --errors-only --also-check-css < "$work/pages"
    ;;
  ocds)
    /usr/bin/python3 "$source_root/tests/check-ocds.py" "$oracles" "$work/demo/data/ocds-releases.json" "$work/test/data/ocds-releases.json" "$work/change/data/ocds-releases.json"
    ;;
  axe)
    NODE_PATH="$tools/node_modules" node "$source_root/tests/check-axe.js" "$work/demo" "$work/test" "$work/change"
    ;;
esac
