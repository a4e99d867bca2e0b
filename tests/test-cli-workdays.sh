#!/bin/sh
# test-cli-workdays.sh: `gongkai-cli workdays` prints exact dates and counts, and fails with the documented exit codes.
# Usage: test-cli-workdays.sh PATH-TO-gongkai-cli

cli="$1"
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
  echo "usage: $0 PATH-TO-gongkai-cli" >&2
  exit 99
fi

scratch=$(mktemp -d) || exit 99
trap 'rm -rf "$scratch"' EXIT
failures=0

# expect STATUS STDOUT [STDERR-FRAGMENT] -- ARGS…: stdout must match exactly.
expect () {
  want_status=$1
  want_out=$2
  want_err=$3
  shift 4
  "$cli" "$@" >"$scratch/out" 2>"$scratch/err"
  status=$?
  out=$(cat "$scratch/out")
  if [ "$status" -ne "$want_status" ] || [ "$out" != "$want_out" ] ||
     { [ -n "$want_err" ] && ! grep -q -- "$want_err" "$scratch/err"; }; then
    echo "FAIL: gongkai-cli $*"
    echo "  status $status (want $want_status), stdout “$out” (want “$want_out”)"
    sed 's/^/  stderr: /' "$scratch/err"
    failures=$((failures + 1))
  else
    echo "ok: gongkai-cli $* → $status ${out:+“$out”}"
  fi
}

# Due dates over holiday blocks, make-up days and the 2020 extension.
expect 0 2024-02-09 "" -- workdays add 2024-02-08 1
expect 0 2024-02-18 "" -- workdays add 2024-02-09 1
expect 0 2024-03-14 "" -- workdays add 2024-02-09 20
expect 0 2020-02-03 "" -- workdays add 2020-01-23 1
expect 0 2018-12-29 "" -- workdays add 2018-12-28 1
expect 0 2025-10-16 "" -- workdays add 2025-10-03 7
expect 0 2024-03-01 "" -- workdays add 2024-03-01 0

# Counts in (FROM, TO].
expect 0 1 "" -- workdays between 2024-02-09 2024-02-18
expect 0 -1 "" -- workdays between 2024-02-18 2024-02-09
expect 0 0 "" -- workdays between 2024-02-09 2024-02-09
expect 0 251 "" -- workdays between 2023-12-31 2024-12-31
expect 0 249 "" -- workdays between 2019-12-31 2020-12-31

# Years without a notice: nothing on stdout, exit 3, the year named on stderr.
expect 3 "" 2027 -- workdays add 2026-12-30 3
expect 3 "" 2027 -- workdays add 2027-03-01 20
expect 3 "" 2017 -- workdays add 2017-12-20 1
expect 3 "" 2027 -- workdays between 2026-01-01 2027-01-10
expect 3 "" 2017 -- workdays between 2018-01-10 2017-06-01

# Bad usage: exit 2.
expect 2 "" "" -- workdays
expect 2 "" "" -- workdays frobnicate 2024-01-01 1
expect 2 "" "" -- workdays add 2024-02-08
expect 2 "" "" -- workdays add 2024-02-08 1 2
expect 2 "" "" -- workdays between 2024-01-01
expect 2 "" "YYYY-MM-DD" -- workdays add 2024-2-8 1
expect 2 "" "2024-02-30" -- workdays add 2024-02-30 1
expect 2 "" "" -- workdays add 2024-02-08 x
expect 2 "" "" -- workdays add 2024-02-08 -1
expect 2 "" "" -- workdays add 2024-02-08 99999999
expect 2 "" "" -- workdays between 2024-01-01 tomorrow
expect 2 "" "" -- workdays --frobnicate

# due: the item's rule from the date it names (a ledger of its own).
db="$scratch/ledger.db"
expect 0 2025-03-10 "" -- --db "$db" due --item bidding.candidates 2025-03-06
expect 0 2025-10-09 "" -- --db "$db" due --item bidding.candidates 2025-09-28
expect 0 2025-03-12 "" -- --db "$db" due --item procurement.violation-record 2025-03-03
expect 0 2025-03-31 "" -- --db "$db" due --item procurement.complaint-decision 2025-03-03
expect 0 2025-09-28 "" -- --db "$db" due --item request.application 2025-09-01
expect 3 "" 2027 -- --db "$db" due --item bidding.candidates 2027-03-04
expect 4 "" "nothing.here" -- --db "$db" due --item nothing.here 2025-03-03
expect 2 "" "" -- --db "$db" due 2025-03-03
expect 2 "" "" -- --db "$db" due --item bidding.candidates
expect 2 "" "" -- --db "$db" due --item bidding.candidates 2025-3-6

# --help documents the actions and exits 0.
"$cli" workdays --help >"$scratch/out" 2>&1
if [ $? -ne 0 ] || ! grep -q "between" "$scratch/out"; then
  echo "FAIL: gongkai-cli workdays --help"
  failures=$((failures + 1))
else
  echo "ok: gongkai-cli workdays --help"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
exit 0
