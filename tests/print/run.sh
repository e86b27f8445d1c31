#!/bin/sh
# run.sh BIN: prints a handbook with headless Chromium, as a trainer would
# from a browser, and checks the PDF: A5 pages, the cover alone on page 1,
# each stage on a new page, and the text where it belongs.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

SOURCE_DATE_EPOCH=1790000000 "$bin" build -C "$here/../fixtures/render" -o "$tmp/out" \
	--format html --lang en --audience women --sector all 2>/dev/null || bad "build"
hb="$tmp/out/kg-ru/en/all/women/handbook.html"
# The flags keep Chromium off the network and out of the user's profile.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/profile" --no-pdf-header-footer \
	--print-to-pdf="$tmp/hb.pdf" "file://$hb" >/dev/null 2>&1
[ -s "$tmp/hb.pdf" ] && ok || bad "Chromium printed no PDF"

pages=$(pdfinfo "$tmp/hb.pdf" | sed -n 's/^Pages: *//p')
size=$(pdfinfo "$tmp/hb.pdf" | sed -n 's/^Page size: *//p')
[ "$pages" = 9 ] && ok || bad "expected 9 pages (a stage's summary page before its topics; the help pages hold a QR code per contact), got $pages"
case "$size" in *"(A5)"*) ok ;; *) bad "page size is $size, not A5" ;; esac

# page N: the first non-empty line of the page must be the given text.
page() {
	got=$(pdftotext -f "$1" -l "$1" -layout "$tmp/hb.pdf" - | sed 's/^ *//' | grep -v '^$' | head -n 1)
	[ "$got" = "$2" ] && ok || bad "page $1 starts with '$got', expected '$2'"
}
page 1 "Handbook"
page 2 "Contents"
page 3 "Before you decide"
page 4 "Deciding to go"
page 5 "Before you leave"
page 6 "Your contract & you"
page 7 "Checklist"
page 8 "Where to get help"
# The cover holds the title and the edition and nothing of the contents.
pdftotext -f 1 -l 1 "$tmp/hb.pdf" "$tmp/p1.txt"
grep -q "Kyrgyzstan to Russia" "$tmp/p1.txt" && ok || bad "cover has the title"
grep -q "All sectors · For: Women · English" "$tmp/p1.txt" && ok || bad "cover has the edition"
grep -q "Information checked: 2026-01-01" "$tmp/p1.txt" && ok || bad "cover says when the information was checked"
pdftotext "$tmp/hb.pdf" "$tmp/all.txt"
grep -q "Ask the test office." "$tmp/all.txt" && ok || bad "facts are substituted in print"
grep -q "alert" "$tmp/all.txt" && bad "raw HTML reached the page" || ok

# coverage --format html, as a programme manager opens it: Chromium renders
# it, and every state of the matrix is there in words (not colour alone).
"$bin" coverage -C "$here/../golden/coverage-states/root" --today 2026-11-23 --format html >"$tmp/cov.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/profile" --no-pdf-header-footer \
	--print-to-pdf="$tmp/cov.pdf" "file://$tmp/cov.html" >/dev/null 2>&1
pdftotext "$tmp/cov.pdf" "$tmp/cov.txt" 2>/dev/null
for state in tailored generic fallback draft stale missing; do
	grep -qw "$state" "$tmp/cov.txt" && ok || bad "coverage html in Chromium: no '$state' cell"
done
echo "print: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
