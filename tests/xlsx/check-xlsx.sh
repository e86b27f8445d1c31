#!/bin/sh
# check-xlsx.sh BIN: builds tests/fixtures/build as XLSX and session packs, then reads every workbook back
# with independent readers (openpyxl for structure, LibreOffice for the formulas' results).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# The Debian python3-openpyxl lives in /usr/lib/python3; a python3 earlier on
# PATH (pyenv, a virtualenv) may not see it, so take the first that does.
py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then py=$p; break; fi
done
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$py" ] || [ -z "$soffice" ]; then
	echo "FAIL: check-xlsx needs python3-openpyxl and libreoffice-calc-nogui (make deps)"
	exit 1
fi

# Two builds of the same content on the same date: every file byte-identical.
export SOURCE_DATE_EPOCH=1767225600 # 2026-01-01
for run in 1 2; do
	if ! "$bin" build -C "$top/tests/fixtures/build" -o "$tmp/out$run" --format xlsx,session \
		--jobs 2 >"$tmp/log" 2>&1; then
		echo "FAIL: build $run:"; cat "$tmp/log"; exit 1
	fi
done
if diff -r "$tmp/out1" "$tmp/out2" >/dev/null; then :; else
	echo "FAIL: two builds differ"; diff -rq "$tmp/out1" "$tmp/out2" | head; fail=1
fi

# The same pack with another start time, for the agenda's clock.
"$bin" build -C "$top/tests/fixtures/build" -o "$tmp/late" --format session --start 13:30 \
	--lang en --stage PDO >"$tmp/log" 2>&1 || { echo "FAIL: build --start:"; cat "$tmp/log"; fail=1; }

"$py" "$top/tests/xlsx/check_xlsx.py" "$tmp/out1" "$tmp/late" "$soffice" "$tmp/lo" || fail=1
[ "$fail" = 0 ] && echo "xlsx: all checks passed"
exit "$fail"
