#!/bin/sh
# run-golden.sh BIN: each tests/golden/<case>/ holds a content root (root/, or
# made by make-root.sh), the arguments (args; default "check"), and the exact
# expected stdout (expected.out), stderr (expected.err) and exit status
# (status). Compared byte for byte. UPDATE=1 rewrites the expectations.
# SAFAR_WRAP runs the binary under a tool (valgrind).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$here"/golden/*/; do
	case=$(basename "$dir")
	root="$dir/root"
	if [ -f "$dir/make-root.sh" ]; then
		root="$tmp/$case"
		mkdir -p "$root"
		CASE="$dir" sh "$dir/make-root.sh" "$root"
	fi
	if [ -f "$dir/args" ]; then cp "$dir/args" "$tmp/args"; else echo "check --today 2026-11-23" >"$tmp/args"; fi
	if [ "$(wc -l <"$tmp/args")" -le 1 ]; then
		args=$(cat "$tmp/args")
		# shellcheck disable=SC2086
		(cd "$root" && ${SAFAR_WRAP:-} "$bin" $args) >"$tmp/out" 2>"$tmp/err"
		status=$?
	else
		# Several runs: a transcript of each, headed by its arguments and
		# closed by its exit status.
		: >"$tmp/out"
		: >"$tmp/err"
		while read -r args; do
			echo "\$ safar $args" >>"$tmp/out"
			echo "\$ safar $args" >>"$tmp/err"
			# shellcheck disable=SC2086
			(cd "$root" && ${SAFAR_WRAP:-} "$bin" $args) >>"$tmp/out" 2>>"$tmp/err"
			status=$?
			echo "[exit $status]" >>"$tmp/out"
		done <"$tmp/args"
	fi
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$tmp/out" "$dir/expected.out"
		cp "$tmp/err" "$dir/expected.err"
		echo "$status" >"$dir/status"
	fi
	if cmp -s "$tmp/out" "$dir/expected.out" && cmp -s "$tmp/err" "$dir/expected.err" &&
		[ "$status" = "$(cat "$dir/status")" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: golden/$case (exit $status, expected $(cat "$dir/status" 2>/dev/null))"
		diff "$dir/expected.err" "$tmp/err" | head -20
		diff "$dir/expected.out" "$tmp/out" | head -20
	fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
