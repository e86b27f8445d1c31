#!/bin/sh
# run.sh BIN: `safar build` over tests/fixtures/render compared file by file
# with tests/build/expected (XLSX as the XML of their parts, which is what
# they hold); then the same build again, in parallel, must be byte-identical,
# XLSX included. UPDATE=1 rewrites the expectations.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root="$here/../fixtures/render"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# Unzips every .xlsx of a tree into FILE.xlsx.d/ (sorted parts), removes the zip.
explode() {
	find "$1" -name '*.xlsx' | while read -r x; do
		python3 - "$x" <<'PY'
import os, sys, zipfile
x = sys.argv[1]
with zipfile.ZipFile(x) as z:
    for name in sorted(z.namelist()):
        out = os.path.join(x + ".d", name)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "wb") as f:
            f.write(z.read(name))
PY
		rm "$x"
	done
}

export SOURCE_DATE_EPOCH=1790000000
${SAFAR_WRAP:-} "$bin" build -C "$root" -o "$tmp/a" -j 1 2>"$tmp/err.a" && ok || { bad "build -j 1"; cat "$tmp/err.a"; }
${SAFAR_WRAP:-} "$bin" build -C "$root" -o "$tmp/b" -j 4 2>"$tmp/err.b" && ok || bad "build -j 4"
printf 'safar: wrote %s files into %s\n' "$(find "$tmp/a" -type f | wc -l)" "$tmp/a" >"$tmp/want.err"
cmp -s "$tmp/want.err" "$tmp/err.a" && ok || { bad "build message"; diff "$tmp/want.err" "$tmp/err.a"; }
# Reproducible: the same content, serial or parallel, gives the same bytes.
diff -r "$tmp/a" "$tmp/b" >/dev/null && ok || bad "two builds differ"
leftover=$(find "$tmp/a" -name '*.tmp-*' | wc -l)
[ "$leftover" -eq 0 ] && ok || bad "temporary files left behind"

explode "$tmp/a"
if [ "${UPDATE:-}" = 1 ]; then
	rm -rf "$here/expected"
	cp -R "$tmp/a" "$here/expected"
fi
if diff -r "$here/expected" "$tmp/a" >"$tmp/diff"; then ok; else
	bad "outputs differ from tests/build/expected"
	head -40 "$tmp/diff"
fi
echo "build: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
