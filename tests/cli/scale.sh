#!/bin/sh
# scale.sh BIN: inputs under the 1 MiB file limit that used to take time
# quadratic in their size (80,000 keys in one mapping, 40,000 facts, 40,000
# dead #links on one line). Each must end well inside a bound that the old
# code missed by far (12 s, 87 s, 47 s), with its findings exact. Not a
# benchmark: the bound only tells linear from quadratic.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# A sanitized binary is several times slower: its bound is wider.
limit=10
nm "$bin" 2>/dev/null | grep -q __asan_init && limit=60

fresh() {
	rm -rf "$tmp/root"
	cp -R "$top/tests/fixtures/render" "$tmp/root"
}
# run NAME WANT: check the root with a time bound; WANT is how many findings
# of the code CODE the report must hold.
run() {
	name=$1 code=$2 want=$3
	timeout $limit "$bin" check -C "$tmp/root" --today 2026-11-23 --format json >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ $st -eq 124 ]; then bad "$name: not done in $limit s"; return; fi
	got=$(grep -o "\"code\": *\"$code\"" "$tmp/out" | wc -l)
	[ "$got" -eq "$want" ] && ok || bad "$name: $got $code findings, expected $want"
}

# 80,000 keys under one unknown key of a corridor, two of them repeated.
fresh
awk 'BEGIN { print "extra:"; for (i = 0; i < 80000; i++) printf " k%d: v\n", i; print " k7: again"; print " k9: again" }' \
	>>"$tmp/root/corridors/kg-ru.yaml"
run big-mapping duplicate-key 2

# 40,000 facts in the corridor, every one used by no module.
fresh
awk '/^facts:/ { print; for (i = 0; i < 40000; i++) printf "  f%d: \"value %d\"\n", i, i; next } { print }' \
	"$tmp/root/corridors/kg-ru.yaml" >"$tmp/c" && mv "$tmp/c" "$tmp/root/corridors/kg-ru.yaml"
run many-facts unknown-fact 0

# 40,000 dead #links on one line of one body: each reported once.
fresh
awk 'BEGIN { printf "\n"; for (i = 0; i < 40000; i++) printf "[x](#n%d) ", i; printf "\n" }' \
	>>"$tmp/root/content/pdo/contract/general.en.md"
run dead-links dead-reference 40000

echo "scale: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
