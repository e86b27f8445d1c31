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
# (.safar-manifest, the list of what safar owns there, is not an output; nor
# is .safar-editions, what each edition was made from, which names safar's
# own build and so is not pinned.)
printf 'safar: wrote %s files into %s (0 unchanged)\n' "$(find "$tmp/a" -type f ! -name .safar-manifest ! -name .safar-editions | wc -l)" "$tmp/a" >"$tmp/want.err"
cmp -s "$tmp/want.err" "$tmp/err.a" && ok || { bad "build message"; diff "$tmp/want.err" "$tmp/err.a"; }
# Reproducible: the same content, serial or parallel, gives the same bytes.
diff -r "$tmp/a" "$tmp/b" >/dev/null && ok || bad "two builds differ"
leftover=$(find "$tmp/a" -name '.safar-tmp.*' | wc -l)
[ "$leftover" -eq 0 ] && ok || bad "temporary files left behind"

# A rebuild of unchanged content writes nothing: every mtime stays.
n=$(find "$tmp/a" -type f ! -name .safar-manifest ! -name .safar-editions | wc -l)
touch -d '2001-01-01 00:00:00' $(find "$tmp/a" -type f)
${SAFAR_WRAP:-} "$bin" build -C "$root" -o "$tmp/a" -j 4 2>"$tmp/err.c" && ok || bad "rebuild"
printf 'safar: wrote 0 files into %s (%s unchanged)\n' "$tmp/a" "$n" >"$tmp/want.err"
cmp -s "$tmp/want.err" "$tmp/err.c" && ok || { bad "rebuild message"; diff "$tmp/want.err" "$tmp/err.c"; }
[ -z "$(find "$tmp/a" -type f -newermt '2001-01-02')" ] && ok || bad "a rebuild of unchanged content rewrote files"

# A rebuild skips an edition only while nothing it is made from changed
# (docs/outputs.md, "Rebuilds"): a module's text, a fact, an interface
# string and a file edited by hand are each made again.
cp -R "$root" "$tmp/rr"
cp -Rp "$tmp/a" "$tmp/r"
ed="$tmp/r/kg-ru/en/all/general"
printf '\nRebuilt module text.\n' >>"$tmp/rr/content/pdo/contract/general.en.md"
"$bin" build -C "$tmp/rr" -o "$tmp/r" 2>/dev/null && grep -q 'Rebuilt module text' "$ed/handbook.html" && ok ||
	bad "a changed module did not rebuild its editions"
sed -i 's/the test office/the moved office/' "$tmp/rr/corridors/kg-ru.yaml"
"$bin" build -C "$tmp/rr" -o "$tmp/r" 2>/dev/null && grep -q 'the moved office' "$ed/handbook.html" && ok ||
	bad "a changed fact did not rebuild its editions"
sed -i 's/^contents: .*/contents: "Содержание книги"/' "$tmp/rr/i18n/ru.yaml"
"$bin" build -C "$tmp/rr" -o "$tmp/r" 2>/dev/null && grep -q 'Содержание книги' "$tmp/r/kg-ru/ru/all/general/handbook.html" && ok ||
	bad "a changed interface string did not rebuild its editions"
cp "$ed/checklist.html" "$tmp/checklist.want"
echo 'edited by hand' >"$ed/checklist.html"
"$bin" build -C "$tmp/rr" -o "$tmp/r" 2>/dev/null && cmp -s "$tmp/checklist.want" "$ed/checklist.html" && ok ||
	bad "a file edited by hand was not made again"
# A killed build's temporary files: in the outputs' folder while the record
# of editions is there (a build removes it before it writes into an
# edition's folder), anywhere once it is gone.
dead=4194303
kill -0 $dead 2>/dev/null && dead=4194302
: >"$tmp/r/.safar-tmp.$dead.0.index.html"
"$bin" build -C "$tmp/rr" -o "$tmp/r" 2>/dev/null && [ ! -e "$tmp/r/.safar-tmp.$dead.0.index.html" ] && ok ||
	bad "a killed build's temporary index stayed"
rm "$tmp/r/.safar-editions"
: >"$ed/.safar-tmp.$dead.1.handbook.html"
"$bin" build -C "$tmp/rr" -o "$tmp/r" 2>/dev/null && [ ! -e "$ed/.safar-tmp.$dead.1.handbook.html" ] && ok ||
	bad "a killed build's temporary file in an edition's folder stayed"

# What a build removes (docs/outputs.md): a dropped sector's folder, and
# nothing safar did not write; a narrowed build keeps the other editions.
cp -R "$root" "$tmp/root"
cp -R "$tmp/a" "$tmp/d"
: >"$tmp/d/kg-ru/en/construction/general/notes-of-mine.txt"
printf '../victim\n/etc/passwd\nkg-ru/../../victim\n' >>"$tmp/d/.safar-manifest"
: >"$tmp/victim"
sed -i 's/^sectors: \[construction\]/sectors: []/' "$tmp/root/corridors/kg-ru.yaml"
"$bin" build -C "$tmp/root" -o "$tmp/d" --corridor kg-ru --lang en 2>/dev/null && ok || bad "build without the sector"
[ ! -e "$tmp/d/kg-ru/en/construction/general/handbook.html" ] && [ ! -e "$tmp/d/kg-ru/ru/construction/women/sms.csv" ] &&
	[ ! -e "$tmp/d/kg-ru/ru/construction/women" ] && ok || bad "a dropped sector's outputs stayed"
[ -f "$tmp/d/kg-ru/en/construction/general/notes-of-mine.txt" ] && [ -f "$tmp/victim" ] && ok ||
	bad "a build removed a file it did not write"
[ -f "$tmp/d/kg-ru/ru/all/women/handbook.html" ] && ok || bad "a narrowed build removed another edition"
! grep -q 'victim\|passwd\|construction' "$tmp/d/.safar-manifest" && ok || bad "the manifest kept what it should not"
grep -q 'href="kg-ru/ru/all/women/handbook.html"' "$tmp/d/index.html" && ok || bad "the index lost an edition not rebuilt"

explode "$tmp/a"
if [ "${UPDATE:-}" = 1 ]; then
	rm -rf "$here/expected"
	cp -R "$tmp/a" "$here/expected"
	rm -f "$here/expected/.safar-editions"
fi
if diff -r -x .safar-editions "$here/expected" "$tmp/a" >"$tmp/diff"; then ok; else
	bad "outputs differ from tests/build/expected"
	head -40 "$tmp/diff"
fi
echo "build: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
