#!/bin/sh
# embed.sh OUT FILE...: writes OUT, a C file that holds each i18n/<lang>.yaml
# as bytes, for sf_i18n_builtins (include/safar/i18n.h).
# Byte arrays, not string literals: -Wpedantic refuses literals over 4095
# bytes. Each array ends in a NUL the length leaves out, so none is empty.
set -eu
[ $# -ge 2 ] || { echo 'usage: embed.sh OUT FILE...' >&2; exit 2; }
out=$1
shift
tmp="$out.tmp"
trap 'rm -f "$tmp"' EXIT
{
	echo '/* i18n_builtin.c: made by tools/embed.sh from i18n/<lang>.yaml; do not edit. */'
	echo '#include "safar/i18n.h"'
	n=0
	for f in "$@"; do
		echo
		echo "static const unsigned char file$n[] = {"
		od -An -v -tx1 "$f" | awk '{ s = "\t"; for (i = 1; i <= NF; i++) s = s "0x" $i ","; print s }'
		echo '	0x00'
		echo '};'
		n=$((n + 1))
	done
	echo
	echo 'const sf_i18n_builtin sf_i18n_builtins[] = {'
	n=0
	for f in "$@"; do
		lang=$(basename "$f" .yaml)
		case $lang in
		*[!a-z-]* | '') echo "embed.sh: $f: a language is named [a-z-]+" >&2; exit 1 ;;
		esac
		echo "	{ \"$lang\", file$n, sizeof file$n - 1 },"
		n=$((n + 1))
	done
	echo '};'
	echo "const size_t sf_i18n_nbuiltins = $n;"
} >"$tmp"
mv "$tmp" "$out"
trap - EXIT
