# tests/tap.sh: TAP helpers the shell tests source; they set $tmp first.
n=0
fail=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
expect_status () {  # expected, description, command…
  want="$1"; what="$2"; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ "$got" -eq "$want" ]; then ok "$what"; else not_ok "$what (exit $got, wanted $want)"; cat "$tmp/err" >&2; fi
}
