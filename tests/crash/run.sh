#!/bin/sh
# tests/crash/run.sh WRITER [KILLS]: kills gk-crash-writer with SIGKILL at random
# moments KILLS times (default 100), restarting it each time after the last
# operation it acknowledged, and checks after every kill that the ledger passes
# integrity_check and holds every acknowledged operation. Prints the counts;
# exits 1 on the first loss or damage.
set -u
writer="$1"
kills="${2:-100}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/ledger.db"
last=0
killed_at_start=0

for round in $(seq 1 "$kills"); do
  : >"$tmp/acks"
  "$writer" write "$db" $((last + 1)) >"$tmp/acks" 2>"$tmp/err" &
  pid=$!
  # 0 to 250 ms: through the first open, migrations and seeding at first,
  # then in the middle of commits.
  sleep "0.$(printf '%03d' $(( $(od -An -N2 -tu2 /dev/urandom) % 250 )))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ -s "$tmp/err" ]; then
    echo "round $round: the writer failed: $(cat "$tmp/err")"
    exit 1
  fi
  acked=$(tail -n 1 "$tmp/acks")
  if [ -n "$acked" ]; then
    last=$acked
  else
    killed_at_start=$((killed_at_start + 1))
  fi
  if ! "$writer" check "$db" "$last" >"$tmp/check" 2>&1; then
    echo "round $round: $(cat "$tmp/check")"
    echo "kills: $round, committed operations: $last, integrity ok: $((round - 1)), LOST OR DAMAGED"
    exit 1
  fi
done

echo "kills: $kills, committed operations: $last (acknowledged), lost: 0," \
     "integrity_check ok: $kills/$kills, kills before the first acknowledgement of a run: $killed_at_start," \
     "records: $(cut -d' ' -f2 "$tmp/check")"
