#!/bin/sh
# gongkai-cli as a clerk or a cron job uses it: no display, clear errors, exit codes.
set -u
cli="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
db="$tmp/ledger.db"
. "$(dirname "$0")/tap.sh"

expect_status 0 "--help without a display" "$cli" --help
grep -q "workdays" "$tmp/out" && ok "--help lists the commands" || not_ok "--help lists the commands"
expect_status 0 "--version" "$cli" --version
grep -qE '^gongkai-cli [0-9]+\.[0-9]+' "$tmp/out" && ok "version printed" || not_ok "version printed"
expect_status 2 "no command" "$cli"
expect_status 2 "unknown command" "$cli" frobnicate
grep -q "frobnicate" "$tmp/err" && ok "unknown command is named" || not_ok "unknown command is named"
expect_status 2 "unknown option" "$cli" --db "$db" list --bogus
expect_status 2 "bad format" "$cli" --db "$db" list --format xml
expect_status 2 "bad status" "$cli" --db "$db" list --status finished

expect_status 0 "demo" "$cli" --db "$db" demo --records 300 --seed 3
# Unknown names are usage errors, whichever command meets them.
expect_status 2 "bad domain" "$cli" --db "$db" list --domain weather
grep -q "weather" "$tmp/err" && ok "bad domain is named" || not_ok "bad domain is named"
expect_status 2 "bad item" "$cli" --db "$db" list --item no.such.item
grep -q "no.such.item" "$tmp/err" && ok "bad item is named" || not_ok "bad item is named"
expect_status 2 "bad catalog domain" "$cli" --db "$db" catalog --domain weather
expect_status 0 "list" "$cli" --db "$db" list
lines=$(wc -l <"$tmp/out")
[ "$lines" -eq 301 ] && ok "list prints a header and 300 records" || not_ok "list prints 300 records ($lines lines)"
expect_status 0 "list json" "$cli" --db "$db" list --domain procurement --format json
grep -q '"domain" : "procurement"' "$tmp/out" && ok "json has the domain" || not_ok "json has the domain"
! grep -q '"domain" : "bidding"' "$tmp/out" && ok "domain filter" || not_ok "domain filter"
expect_status 0 "catalog" "$cli" --db "$db" catalog
grep -q "中标候选人" "$tmp/out" && ok "catalog names 中标候选人" || not_ok "catalog names 中标候选人"
expect_status 0 "catalog json" "$cli" --db "$db" catalog --format json

uuid=$(sed -n 2p "$tmp/out" >/dev/null; "$cli" --db "$db" list | sed -n 2p | cut -f1)
index_no=$("$cli" --db "$db" list | sed -n 2p | cut -f2)
expect_status 0 "show by uuid" "$cli" --db "$db" show "$uuid"
grep -q "\"uuid\" : \"$uuid\"" "$tmp/out" && ok "show prints the record" || not_ok "show prints the record"
expect_status 0 "show by index number" "$cli" --db "$db" show "$index_no"
grep -q '"earlier_publications" : \[' "$tmp/out" && ok "show lists the earlier publications" || not_ok "show lists the earlier publications"
expect_status 4 "show unknown" "$cli" --db "$db" show no-such-record

expect_status 0 "verify" "$cli" --db "$db" verify

# The same seed gives the same ledger.
"$cli" --db "$tmp/a.db" demo --records 50 --seed 9 >/dev/null 2>&1
"$cli" --db "$tmp/b.db" demo --records 50 --seed 9 >/dev/null 2>&1
"$cli" --db "$tmp/a.db" list >"$tmp/a.tsv"
"$cli" --db "$tmp/b.db" list >"$tmp/b.tsv"
cmp -s "$tmp/a.tsv" "$tmp/b.tsv" && ok "demo is deterministic" || not_ok "demo is deterministic"

# report: usage errors exit 2 and write nothing; a sample ledger gives a workbook.
expect_status 2 "report without --year" "$cli" --db "$tmp/a.db" report -o "$tmp/r.xlsx"
expect_status 2 "report of a year before the national format" "$cli" --db "$tmp/a.db" report --year 2019 -o "$tmp/r.xlsx"
expect_status 2 "report without -o" "$cli" --db "$tmp/a.db" report --year 2024
expect_status 2 "report of an unknown unit" "$cli" --db "$tmp/a.db" report --year 2024 --unit 不存在的单位 -o "$tmp/r.xlsx"
[ ! -e "$tmp/r.xlsx" ] && ok "no workbook after a usage error" || not_ok "no workbook after a usage error"
expect_status 0 "report of the sample ledger" "$cli" --db "$tmp/a.db" report --year 2025 -o "$tmp/r.xlsx"
[ "$(head -c 2 "$tmp/r.xlsx")" = "PK" ] && ok "the workbook is a zip package" || not_ok "the workbook is a zip package"
expect_status 4 "report into a missing folder" "$cli" --db "$tmp/a.db" report --year 2025 -o "$tmp/missing/r.xlsx"

# A damaged file is refused with a message, and left alone.
printf 'not a ledger' >"$tmp/bad.db"
expect_status 5 "damaged file refused" "$cli" --db "$tmp/bad.db" list
grep -q "not a Gongkai ledger" "$tmp/err" && ok "damaged file explained" || not_ok "damaged file explained"
[ "$(cat "$tmp/bad.db")" = "not a ledger" ] && ok "damaged file untouched" || not_ok "damaged file untouched"

# Read commands never create or rewrite files.
expect_status 5 "mistyped path refused" "$cli" --db "$tmp/no-such-folder/ledger.db" list
grep -q "no ledger at" "$tmp/err" && ok "mistyped path explained" || not_ok "mistyped path explained"
[ ! -e "$tmp/no-such-folder" ] && ok "mistyped path creates nothing" || not_ok "mistyped path creates nothing"
for command in list catalog check verify "show x" "publish --dry-run" "publish -o $tmp/site"; do
  expect_status 5 "$command on a missing ledger" "$cli" --db "$tmp/missing.db" $command
done
[ ! -e "$tmp/missing.db" ] && [ ! -e "$tmp/site" ] && ok "read commands create no ledger" || not_ok "read commands create no ledger"
expect_status 0 "due without a ledger answers from the shipped catalog" "$cli" --db "$tmp/missing.db" due --item bidding.candidates 2025-03-06
grep -q "2025-03-10" "$tmp/out" && ok "due without a ledger: the date" || not_ok "due without a ledger: the date"
grep -q "no ledger at" "$tmp/err" && ok "due without a ledger says so" || not_ok "due without a ledger says so"
[ ! -e "$tmp/missing.db" ] && ok "due creates no ledger" || not_ok "due creates no ledger"
: >"$tmp/zero.db"
expect_status 5 "zero-length file refused" "$cli" --db "$tmp/zero.db" list
grep -q "empty" "$tmp/err" && ok "zero-length file explained" || not_ok "zero-length file explained"
[ ! -s "$tmp/zero.db" ] && [ ! -e "$tmp/zero.db-wal" ] && ok "zero-length file untouched" || not_ok "zero-length file untouched"
expect_status 5 "empty path refused" "$cli" --db "" list
if mkfifo "$tmp/fifo.db"; then
  # A FIFO must be refused at once: nothing writes to it, so a read would hang.
  expect_status 5 "FIFO refused" timeout 20 "$cli" --db "$tmp/fifo.db" list
  grep -q "not a regular file" "$tmp/err" && ok "FIFO explained" || not_ok "FIFO explained"
fi

# A second sample goes into the same ledger beside the first.
expect_status 0 "demo twice" "$cli" --db "$db" demo --records 20 --seed 3
"$cli" --db "$db" list >"$tmp/out"
[ "$(wc -l <"$tmp/out")" -eq 321 ] && ok "demo twice adds its records" || not_ok "demo twice adds its records"

# Backups: made, listed with their records, restored over a damaged ledger
# with every record back and the damaged file kept.
bdb="$tmp/backed.db"
"$cli" --db "$bdb" demo --records 40 --seed 2 >/dev/null 2>&1
"$cli" --db "$bdb" list | sort >"$tmp/before.tsv"
expect_status 0 "backup" "$cli" --db "$bdb" backup
copy=$(cat "$tmp/out")
[ -f "$copy" ] && ok "backup prints its file" || not_ok "backup prints its file"
expect_status 0 "backup --list" "$cli" --db "$bdb" backup --list
grep -q "	40	manual	$copy\$" "$tmp/out" && ok "backup listed with its records" || not_ok "backup listed with its records"
dd if=/dev/zero of="$bdb" bs=4096 seek=12 count=20 conv=notrunc 2>/dev/null
expect_status 6 "damaged ledger: exit 6" "$cli" --db "$bdb" list
expect_status 0 "restore" "$cli" --db "$bdb" restore "$(basename "$copy")"
"$cli" --db "$bdb" list | sort >"$tmp/after.tsv"
cmp -s "$tmp/before.tsv" "$tmp/after.tsv" && ok "every record restored" || not_ok "every record restored"
grep -q "kept as .*before-restore.db" "$tmp/out" && ok "the damaged ledger is kept aside" || not_ok "the damaged ledger is kept aside"
expect_status 5 "restore of no backup" "$cli" --db "$bdb" restore no-such-backup.db

# The organisation: set up from a script, a wrong code refused before any
# 索引号 uses it, and a set-up ledger never filled with sample records.
odb="$tmp/org.db"
printf '标题\n某项目\n' >"$tmp/rows.csv"
expect_status 4 "import-table without a code is refused" "$cli" --db "$odb" import-table "$tmp/rows.csv" --item procurement.notice
grep -q "gongkai-cli setup" "$tmp/err" && ok "import-table says how to set the code" || not_ok "import-table says how to set the code"
expect_status 2 "setup: a wrong check character is refused" "$cli" --db "$odb" setup --name "石家庄市长安区人民政府" --code 11130102000014349X
grep -q "check character" "$tmp/err" && ok "setup names what is wrong" || not_ok "setup names what is wrong"
expect_status 2 "setup: an unknown level is refused" "$cli" --db "$odb" setup --level city
expect_status 0 "setup" "$cli" --db "$odb" setup --name "石家庄市长安区人民政府" --code 11130102000014349n --level department
grep -qx "code	11130102000014349N" "$tmp/out" && ok "setup stores the code as printed" || not_ok "setup stores the code as printed"
expect_status 0 "setup prints the organisation" "$cli" --db "$odb" setup
grep -qx "level	department" "$tmp/out" && ok "setup keeps the level" || not_ok "setup keeps the level"
expect_status 4 "demo refuses a set-up ledger" "$cli" --db "$odb" demo --records 5
grep -q "real ledger" "$tmp/err" && ok "demo says why" || not_ok "demo says why"
expect_status 0 "the refused demo left no record" "$cli" --db "$odb" list
[ "$(wc -l <"$tmp/out")" -eq 1 ] && ok "no sample record in the real ledger" || not_ok "no sample record in the real ledger"

echo "1..$n"
exit $fail
