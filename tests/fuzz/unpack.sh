#!/bin/sh
# unpack.sh: writes a pipeline target's input (a container) out as a content root, to replay it with safar itself.
# Usage: sh tests/fuzz/unpack.sh FILE DIR   then e.g.  build/san/safar check -C DIR
# The container (tests/fuzz/common.c): a line "==> PATH <==" starts the file
# PATH. Paths the harness would refuse (absolute, "..", a component starting
# with a dot, characters outside [A-Za-z0-9._-/]) are skipped here too.
set -eu
[ $# -eq 2 ] || { echo 'usage: sh tests/fuzz/unpack.sh FILE DIR' >&2; exit 2; }
mkdir -p "$2"
LC_ALL=C awk -v dir="$2" '
function safe(p) {
	return p ~ /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/
}
/^==> .* <==$/ {
	if (out != "") close(out)
	path = substr($0, 5, length($0) - 8)
	out = ""
	if (safe(path) && ++files <= 64) {
		out = dir "/" path
		d = out
		sub(/\/[^\/]*$/, "", d)
		system("mkdir -p \"" d "\"")
		printf "" > out
	}
	next
}
out != "" { print > out }
' "$1"
