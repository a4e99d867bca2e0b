#!/bin/sh
# gongkai-cli on a read-only disk and a full one: each said in its own words,
# with its own exit code, and never "damaged". Needs root to mount a small
# tmpfs (CI runs as root); skipped otherwise.
set -u
cli="$1"
if [ "$(id -u)" -ne 0 ]; then
  echo "1..0 # SKIP needs root to mount a tmpfs"
  exit 77
fi
tmp=$(mktemp -d)
mnt="$tmp/disk"
mkdir "$mnt"
cleanup () { umount "$mnt" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
if ! mount -t tmpfs -o size=2m tmpfs "$mnt" 2>/dev/null; then
  echo "1..0 # SKIP cannot mount a tmpfs here"
  exit 77
fi
unset DISPLAY WAYLAND_DISPLAY
. "$(dirname "$0")/tap.sh"
not_damaged () { ! grep -q "damaged" "$tmp/err" && ok "$1: not called damaged" || not_ok "$1: not called damaged"; }

db="$mnt/ledger.db"
expect_status 0 "a ledger on the small disk" "$cli" --db "$db" demo --records 20

# Full: the disk is filled up, then a sample is added.
dd if=/dev/zero of="$mnt/filler" bs=4096 2>/dev/null
expect_status 9 "full disk: exit 9" "$cli" --db "$db" demo --records 500
grep -q "is full" "$tmp/err" && ok "full disk explained" || not_ok "full disk explained"
grep -q "Free some disk space" "$tmp/err" && ok "full disk: what to do" || not_ok "full disk: what to do"
not_damaged "full disk"
rm -f "$mnt/filler"
expect_status 0 "after freeing space the ledger is whole" "$cli" --db "$db" verify
"$cli" --db "$db" list >"$tmp/out" 2>/dev/null
[ "$(wc -l <"$tmp/out")" -eq 21 ] && ok "the failed sample left no record" || not_ok "the failed sample left no record"

# Read-only: the same disk mounted read-only.
mount -o remount,ro "$mnt"
expect_status 8 "read-only folder: exit 8" "$cli" --db "$db" list
grep -q "folder you can write" "$tmp/err" && ok "read-only folder explained" || not_ok "read-only folder explained"
not_damaged "read-only folder"
expect_status 8 "read-only folder: verify" "$cli" --db "$db" verify
not_damaged "read-only verify"
expect_status 8 "read-only folder: a new ledger" "$cli" --db "$mnt/new.db" demo --records 1

# The annual report only reads: it works on the read-only ledger, and no
# file appears beside it.
ls -a "$mnt" >"$tmp/before"
expect_status 0 "read-only folder: report" "$cli" --db "$db" report --year 2025 -o "$tmp/report.xlsx"
[ -s "$tmp/report.xlsx" ] && ok "read-only folder: the workbook is written" || not_ok "read-only folder: the workbook is written"
grep -q "export is not recorded" "$tmp/err" && ok "read-only folder: the export is said not to be recorded" ||
  not_ok "read-only folder: the export is said not to be recorded"
ls -a "$mnt" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && ok "read-only folder: report adds no file beside the ledger" ||
  { not_ok "read-only folder: report adds no file beside the ledger"; diff "$tmp/before" "$tmp/after" >&2; }

# Publishing only reads too: the bundle is written from the read-only
# ledger, nothing appears beside it, and a second publish into the same
# folder finds nothing to rewrite.
expect_status 0 "read-only folder: publish" "$cli" --db "$db" publish -o "$tmp/site" --today 2025-12-31
[ -s "$tmp/site/index.html" ] && ok "read-only folder: the bundle is written" || not_ok "read-only folder: the bundle is written"
ls -a "$mnt" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && ok "read-only folder: publish adds no file beside the ledger" ||
  { not_ok "read-only folder: publish adds no file beside the ledger"; diff "$tmp/before" "$tmp/after" >&2; }
expect_status 0 "read-only folder: publish again" "$cli" --db "$db" publish -o "$tmp/site" --today 2025-12-31
grep -q ": 0 written" "$tmp/out" && ok "read-only folder: the second publish rewrites nothing" ||
  { not_ok "read-only folder: the second publish rewrites nothing"; cat "$tmp/out" >&2; }

echo "1..$n"
exit $fail
