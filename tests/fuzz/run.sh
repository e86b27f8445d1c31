#!/bin/sh
# run.sh: runs fuzz targets built by make (build/fuzz/fuzz-<target>, <target>.dict), one after the other.
# Usage: sh tests/fuzz/run.sh [-s] SECONDS TARGET...
# First each target replays its saved reproducers (tests/fuzz/crashes/<target>/),
# then fuzzes for SECONDS from its seeds (build/fuzz/seeds/<target>/) and
# what earlier runs found (build/fuzz/corpus/<target>/). With -s (smoke, for
# CI) the run starts from the seeds alone and keeps nothing it finds.
# Crashes, leaks and timeouts stop it with status 1 and are saved in
# build/fuzz/artifacts/<target>/.
set -eu
smoke=0
if [ "${1:-}" = -s ]; then
	smoke=1
	shift
fi
seconds=$1
shift

for t in "$@"; do
	bin=build/fuzz/fuzz-$t
	art=build/fuzz/artifacts/$t
	mkdir -p "$art"
	opts="-max_len=65536 -timeout=20 -rss_limit_mb=2048 -artifact_prefix=$art/"
	if ls tests/fuzz/crashes/"$t"/* >/dev/null 2>&1; then
		echo "== fuzz $t: the saved reproducers"
		"$bin" $opts tests/fuzz/crashes/"$t"/* 2>build/fuzz/"$t".log ||
			{ cat build/fuzz/"$t".log; exit 1; }
	fi
	corpus=build/fuzz/corpus/$t
	if [ $smoke = 1 ]; then
		corpus=build/fuzz/smoke/$t
		rm -rf "$corpus"
	fi
	mkdir -p "$corpus"
	echo "== fuzz $t: $seconds s (log: build/fuzz/$t.log)"
	"$bin" $opts -dict=build/fuzz/"$t".dict -max_total_time="$seconds" -print_final_stats=1 \
		"$corpus" build/fuzz/seeds/"$t" 2>build/fuzz/"$t".log ||
		{ tail -n 60 build/fuzz/"$t".log; exit 1; }
	grep '^Done' build/fuzz/"$t".log
done
