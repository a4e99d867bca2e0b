#!/bin/sh
# Every source file with translatable strings is listed in po/POTFILES.in,
# and every string has a zh_CN translation.
set -eu
root="$1"
cd "$root"
status=0

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
wanted=$( (grep -lE '\b(N?_|ngettext|C_)\s*\(' src/*.c src/*/*.c 2>/dev/null;
           grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui 2>/dev/null;
           ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml.in) | sort -u)

for file in $wanted; do
  if ! printf '%s\n' "$listed" | grep -qxF "$file"; then
    echo "not in po/POTFILES.in: $file"
    status=1
  fi
done
for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "listed in po/POTFILES.in but missing: $file"
    status=1
  fi
done

# Untranslated or fuzzy strings in zh_CN.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 --add-comments=Translators \
  -f po/POTFILES.in -D . -o "$tmp/gongkai.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching po/zh_CN.po "$tmp/gongkai.pot" -o "$tmp/merged.po"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "zh_CN: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) status=1 ;;
esac

exit $status
