#!/bin/sh
# writes.sh BIN: what a build may touch (docs/decisions.md, "What a build may
# touch"): only inside -o, never the content root or '/', files and folders
# through the umask, temporary files that never outlive a build, and a valid
# SOURCE_DATE_EPOCH. KILLS=N sets the number of kill -9 rounds (default 20).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
fixture="$top/tests/fixtures/render"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# expect STATUS NAME -- command...: stdout and stderr kept in $tmp/out, $tmp/err.
expect() {
	want=$1 name=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$name: exit $got, expected $want"; head -5 "$tmp/err"; fi
}
same() {
	printf '%s\n' "$3" >"$tmp/want"
	if cmp -s "$tmp/want" "$2"; then ok; else bad "$1"; diff "$tmp/want" "$2" | head -10; fi
}

# -o: never empty, never '/', never the content root or a folder holding it.
mkdir -p "$tmp/cwd"
cd "$tmp/cwd" || exit 1
[ -e /index.html ] && had_index=1 || had_index=0
expect 2 out-empty -- "$bin" build -C "$fixture" -o ''
same out-empty "$tmp/err" "safar build: -o is empty: name the folder to write into (e.g. -o out)
Try 'safar build --help'."
# (A safar that wrote into '/' is cleaned up after, so one failure stays one.)
if [ ! -e /kg-ru ] && [ -z "$(ls -A "$tmp/cwd")" ]; then ok; else
	bad "out-empty wrote files"; rm -rf /kg-ru; [ $had_index = 1 ] || rm -f /index.html; fi
expect 2 out-root -- "$bin" build -C "$fixture" -o /
same out-root "$tmp/err" "safar build: refusing to write into '/': name a folder of its own (e.g. -o out)
Try 'safar build --help'."
expect 2 out-root-dots -- "$bin" build -C "$fixture" -o /tmp/../
cp -R "$fixture" "$tmp/root"
expect 2 out-is-root -- "$bin" build -C "$tmp/root" -o "$tmp/root/."
same out-is-root "$tmp/err" "safar build: refusing to write into '$tmp/root/.': it holds the content root '$tmp/root'; name a folder of its own (e.g. -o out)
Try 'safar build --help'."
expect 2 out-above-root -- "$bin" build -C "$tmp/root" -o "$tmp"
ln -s "$tmp/root" "$tmp/link"
expect 2 out-link-to-root -- "$bin" build -C "$tmp/root" -o "$tmp/link"
expect 0 out-inside-root -- "$bin" build -C "$tmp/root" -o "$tmp/root/out/new/deeper"
[ -f "$tmp/root/out/new/deeper/index.html" ] && ok || bad "out-inside-root: no index.html"
cd "$top" || exit 1

# SOURCE_DATE_EPOCH: a whole number of seconds from 0 to 9999-12-31; anything
# else is a usage error, never a silent fallback to the clock.
for v in abc -1 1e9 ' 5' 253402300800 99999999999999999999; do
	SOURCE_DATE_EPOCH=$v expect 2 "epoch '$v'" -- "$bin" build -C "$fixture" -o "$tmp/epoch"
	same "epoch '$v' message" "$tmp/err" "safar build: SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to 253402300799 (9999-12-31), not '$v'
Try 'safar build --help'."
done
[ ! -e "$tmp/epoch" ] && ok || bad "a bad SOURCE_DATE_EPOCH built something"
SOURCE_DATE_EPOCH=253402300799 expect 0 epoch-max -- "$bin" build -C "$fixture" -o "$tmp/epoch"
python3 -c 'import sys, zipfile; sys.exit(b"9999-12-31" not in zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml"))' \
	"$tmp/epoch/kg-ru/en/all/general/checklist.xlsx" && ok || bad "epoch-max: the workbook is not dated 9999-12-31"
SOURCE_DATE_EPOCH=abc expect 2 epoch-check -- "$bin" check -C "$fixture"
SOURCE_DATE_EPOCH=abc expect 0 epoch-check-today -- "$bin" check -C "$fixture" --today 2026-11-23

# The umask decides the modes of every file and folder, whatever -j.
for j in 1 4 16; do
	rm -rf "$tmp/um"
	(umask 022 && "$bin" build -C "$fixture" -o "$tmp/um" -j $j 2>/dev/null)
	n=$(find "$tmp/um" -perm /022 | wc -l)
	[ "$n" -eq 0 ] && ok || bad "umask 022, -j $j: $n files or folders writable by group or others"
done
rm -rf "$tmp/um"
(umask 077 && "$bin" build -C "$fixture" -o "$tmp/um" -j 4 2>/dev/null)
n=$(find "$tmp/um" -perm /077 | wc -l)
[ "$n" -eq 0 ] && ok || bad "umask 077: $n files or folders readable by others"

# A killed build's temporary files are removed by the next build; nothing
# else is touched, and a planted link is never followed.
rm -rf "$tmp/left" && mkdir -p "$tmp/left/kg-ru/en/all/general"
dead=4194303
kill -0 $dead 2>/dev/null && dead=4194302
: >"$tmp/left/.safar-tmp.$dead.0.index.html"
: >"$tmp/left/kg-ru/en/all/general/.safar-tmp.$dead.7.checklist.xlsx"
: >"$tmp/left/kg-ru/en/all/general/notes.txt"
: >"$tmp/left/kg-ru/en/all/general/handbook.html.tmp-abcdef"
: >"$tmp/victim"
ln -s "$tmp/victim" "$tmp/left/.safar-tmp.$$.0.handbook.html"
expect 0 leftovers -- "$bin" build -C "$fixture" -o "$tmp/left"
[ -z "$(find "$tmp/left" -name ".safar-tmp.$dead.*")" ] && ok || bad "leftovers: a dead build's temporary files stayed"
[ -f "$tmp/left/kg-ru/en/all/general/notes.txt" ] && [ -f "$tmp/left/kg-ru/en/all/general/handbook.html.tmp-abcdef" ] &&
	[ -L "$tmp/left/.safar-tmp.$$.0.handbook.html" ] && [ -f "$tmp/victim" ] && [ ! -s "$tmp/victim" ] && ok ||
	bad "leftovers: a file safar does not own was touched"

# A full disk and a read-only -o: one error with the system's reason, and
# the build stops (it used to print thousands of lines). Needs root to mount
# a small tmpfs; skipped, and said, elsewhere.
mkdir -p "$tmp/small"
nm "$bin" 2>/dev/null | grep -q __asan_init && sanitized=1 || sanitized=0
if mount -t tmpfs -o size=2m tmpfs "$tmp/small" 2>/dev/null; then
	expect 3 disk-full -- "$bin" build -o "$tmp/small/out" -j 4
	# (A sanitized build leaves stderr uncaptured, so that a sanitizer's
	# report is never lost: libxlsxwriter's own lines show there.)
	grep -v '^\[ERROR\]' "$tmp/err" >"$tmp/ours"
	grep -Eqx "$tmp/small/out/.*:1:1: error: cannot write: No space left on device; the build stopped here \[io\]" "$tmp/ours" &&
		[ "$(wc -l <"$tmp/ours")" -eq 1 ] && { [ $sanitized = 1 ] || cmp -s "$tmp/ours" "$tmp/err"; } && ok ||
		{ bad "disk-full: not one error naming the cause"; head -5 "$tmp/err"; }
	[ -z "$(find "$tmp/small" -name '.safar-tmp.*')" ] && ok || bad "disk-full left temporary files"
	umount "$tmp/small"
	mount -t tmpfs -o size=2m,ro tmpfs "$tmp/small"
	expect 3 read-only -- "$bin" build -o "$tmp/small/out" -j 4
	grep -Eqx "$tmp/small/out/.*:1:1: error: cannot create folder: Read-only file system; the build stopped here \[io\]" "$tmp/err" &&
		[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok || { bad "read-only: not one error naming the cause"; head -5 "$tmp/err"; }
	umount "$tmp/small"
else
	echo "writes: disk-full and read-only cases skipped: cannot mount a tmpfs here (not root)"
fi

# Out of memory: one line and exit 3 (it used to abort, exit 134). A shim
# makes every allocation after the first N fail, at many points of a run.
if cc -shared -fPIC -O1 -o "$tmp/failmalloc.so" "$top/tests/cli/failmalloc.c" 2>/dev/null &&
	! nm "$bin" 2>/dev/null | grep -q __asan_init; then
	for n in 1 10 100 300 1000 3000 10000 30000; do
		FAIL_AFTER=$n LD_PRELOAD="$tmp/failmalloc.so" "$bin" check -C "$fixture" --today 2026-11-23 \
			>"$tmp/out" 2>"$tmp/err"
		st=$?
		if [ $st -eq 3 ]; then same "oom after $n" "$tmp/err" "safar: out of memory"
		elif [ $st -eq 0 ]; then ok
		else bad "oom after $n allocations: exit $st"; head -3 "$tmp/err"; fi
	done
fi

# Fault injection: kill -9 a parallel build at random points; one more build
# then leaves exactly what a clean build leaves, byte for byte.
export SOURCE_DATE_EPOCH=1764547200
"$bin" build -o "$tmp/clean" -j 4 --corridor kg-ru 2>/dev/null
rounds=${KILLS:-20}
i=0
while [ $i -lt "$rounds" ]; do
	"$bin" build -o "$tmp/killed" -j 4 --corridor kg-ru 2>/dev/null &
	pid=$!
	sleep "0.$(awk -v s="$i$$" 'BEGIN { srand(s); printf "%03d", int(rand() * 600) }')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	i=$((i + 1))
done
"$bin" build -o "$tmp/killed" -j 4 --corridor kg-ru 2>/dev/null && ok || bad "build after kills failed"
if diff -r "$tmp/clean" "$tmp/killed" >"$tmp/diff"; then ok; else bad "after $rounds kill -9s the tree differs from a clean build"; head -10 "$tmp/diff"; fi

echo "writes: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
