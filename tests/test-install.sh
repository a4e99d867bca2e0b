#!/bin/sh
# `meson install` puts every part where a desktop expects it.
set -u
build="$1"
prefix="$2"
app_id="$3"
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
n=0
fail=0

if ! meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1; then
  cat "$dest.log"
  echo "1..1"
  echo "not ok 1 - meson install"
  exit 1
fi
rm -f "$dest.log"

check () {
  n=$((n + 1))
  if [ -e "$dest$prefix/$1" ]; then echo "ok $n - $1"; else echo "not ok $n - $1 missing"; fail=1; fi
}

check bin/gongkai
check bin/gongkai-cli
check "share/applications/$app_id.desktop"
check "share/metainfo/$app_id.metainfo.xml"
check "share/glib-2.0/schemas/$app_id.gschema.xml"
check "share/icons/hicolor/scalable/apps/$app_id.svg"
check "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check share/locale/zh_CN/LC_MESSAGES/gongkai.mo
check share/man/man1/gongkai-cli.1
check share/bash-completion/completions/gongkai-cli

# The installed desktop file carries the Chinese name.
n=$((n + 1))
if grep -q '^Name\[zh_CN\]=' "$dest$prefix/share/applications/$app_id.desktop"; then
  echo "ok $n - desktop file translated"
else
  echo "not ok $n - desktop file has no Name[zh_CN]"; fail=1
fi

echo "1..$n"
exit $fail
