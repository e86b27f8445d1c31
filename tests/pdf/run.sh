#!/bin/sh
# run.sh BIN: the PDF outputs of the bundled content read back with tools
# that are not safar's (poppler's pdfinfo, pdffonts, pdftotext, pdftoppm;
# zbar's zbarimg): page sizes and counts, embedded fonts, the contents'
# page numbers against the pages the headings are on, the help card's
# numbers and QR codes, a booklet's sheets, reproducible bytes.
# Skips, passing, where poppler-utils or zbar-tools are not installed.
set -u
for tool in pdfinfo pdffonts pdftotext pdftoppm zbarimg python3; do
	command -v "$tool" >/dev/null 2>&1 || { echo "pdf: skipped ($tool not installed: make deps)"; exit 0; }
done
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root="$here/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
size() { pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p'; }

# Under ASan: what fontconfig and libhyphen keep is theirs (lsan.supp).
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/lsan.supp}"
export SOURCE_DATE_EPOCH=1790000000
build() { ${SAFAR_WRAP:-} "$bin" build -C "$root" --corridor kg-ru --corridor tj-ru --lang ru --format pdf,helpcard,session "$@" 2>"$tmp/err"; }
build -o "$tmp/a" -j 1 && ok || { bad "build --format pdf"; cat "$tmp/err"; }
build -o "$tmp/b" -j 2 && ok || bad "build --format pdf -j 2"
# Reproducible: the same bytes, serial or parallel.
diff -r "$tmp/a" "$tmp/b" >/dev/null && ok || bad "two PDF builds differ"

hb="$tmp/a/kg-ru/ru/all/women/handbook.pdf"
card="$tmp/a/kg-ru/ru/all/women/helpcard.pdf"
for f in "$hb" "$card" "$tmp/a/kg-ru/ru/all/women/checklist.pdf" "$tmp/a/tj-ru/ru/all/general/helpcard.pdf"; do
	[ -s "$f" ] && ok || bad "missing $f"
done
[ "$(size "$hb")" = "419.528 595.276" ] && ok || bad "handbook is not A5: $(size "$hb")"
[ "$(size "$card")" = "297.638 419.528" ] && ok || bad "help card is not A6: $(size "$card")"

# Every font of every PDF embedded, and the family chosen (docs/decisions.md).
find "$tmp/a" -name '*.pdf' | while read -r f; do
	pdffonts "$f" | awk 'NR > 2 && $(NF-4) != "yes" { print FILENAME ": " $1 " not embedded"; bad = 1 } END { exit bad }' FILENAME="$f" || echo x
done >"$tmp/fonts"
[ ! -s "$tmp/fonts" ] && ok || { bad "fonts not embedded"; head "$tmp/fonts"; }
pdffonts "$hb" | grep -q 'DejaVuSans ' && ok || bad "DejaVu Sans is not the handbook's font"

# The contents: each entry's page number is the page its heading is on.
python3 - "$hb" >"$tmp/toc" 2>&1 <<'PY' && ok || { bad "contents page numbers"; cat "$tmp/toc"; }
import re, subprocess, sys
pdf = sys.argv[1]
def text(first, last=None):
    out = subprocess.run(["pdftotext", "-f", str(first), "-l", str(last or first), "-layout", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    return out.replace("\u00ad", "")
def flat(s):
    return " ".join(s.split())
# The contents pages are those whose running header is the first one's.
def header(t):
    return next((l.strip() for l in t.split("\n") if l.strip()), "")
entries, page = [], 2
head = header(text(2))
while True:
    t = text(page)
    if header(t) != head:
        break
    found = [(m.group(1).strip(), int(m.group(2))) for m in re.finditer(r"^\s*(\S.*?\S)\s{2,}(\d+)\s*$", t, re.M)]
    if not found:
        break
    entries += found
    page += 1
assert len(entries) > 20, f"only {len(entries)} entries in the contents"
for title, no in entries:
    body = flat(text(no))
    assert flat(title) in body, f"'{title}' is not on page {no}"
# and the pages are in order
nos = [n for _, n in entries]
assert nos == sorted(nos), nos
print(len(entries), "entries")
PY

# The help card: one page; every card contact's number printed; each QR
# code decodes to exactly its contact's tel: or website.
for c in kg-ru tj-ru; do
	f="$tmp/a/$c/ru/all/general/helpcard.pdf"
	[ "$(pages "$f")" = 1 ] && ok || bad "$c help card has $(pages "$f") pages"
	pdftoppm -r 200 -png "$f" "$tmp/card-$c"
	zbarimg -q --raw "$tmp/card-$c"-*.png 2>/dev/null | sort >"$tmp/qr-$c"
	pdftotext "$f" "$tmp/card-$c.txt"
	python3 - "$root/corridors/$c.yaml" "$tmp/qr-$c" "$tmp/card-$c.txt" <<'PY' && ok || bad "$c help card numbers and codes"
import re, sys, yaml
contacts = yaml.safe_load(open(sys.argv[1]))["contacts"]
want = []
text = open(sys.argv[3]).read()
# The card's kinds (docs/outputs.md): every contact when none is such.
kinds = {"emergency", "helpline", "embassy", "women"}
card = [c for c in contacts if c.get("kind") in kinds and "general" in c.get("audiences", ["general"])]
for c in card or contacts:
    if c.get("phone"):
        assert c["phone"] in text, f"{c['phone']} not on the card"
        want.append("tel:" + re.sub(r"[ ().-]", "", c["phone"]))
    elif c.get("url"):
        want.append(c["url"])
got = open(sys.argv[2]).read().split("\n")[:-1]
assert sorted(want) == got, f"codes {got}, want {sorted(want)}"
PY
done
grep -q '<svg class="qr"' "$tmp/a/tj-ru/ru/all/general/helpcard.html" && ok || bad "helpcard.html has no QR code"
! grep -q 'src="http' "$tmp/a/tj-ru/ru/all/general/helpcard.html" && ok || bad "helpcard.html loads something"

# The session packs: agenda, trainer's notes and handout PDFs beside the
# HTML pack of every stage that has topics; the handout a handout (at most
# four A5 pages for the kg-ru Russian women's edition), with a running
# header and page numbers.
find "$tmp/a" -name agenda.html | while read -r f; do
	d=$(dirname "$f")
	for p in agenda trainer handout; do
		[ -s "$d/$p.pdf" ] || echo "$d/$p.pdf"
	done
done >"$tmp/packs"
[ ! -s "$tmp/packs" ] && ok || { bad "session PDFs missing"; head "$tmp/packs"; }
[ "$(find "$tmp/a" -name handout.pdf | wc -l)" -gt 8 ] && ok || bad "too few session packs"
for s in PEO PDO PAO PRO; do
	f="$tmp/a/kg-ru/ru/all/women/session-$s/handout.pdf"
	n=$(pages "$f")
	[ -n "$n" ] && [ "$n" -le 6 ] && ok || bad "$s handout has ${n:-no} pages (at most 6: four aimed at, type down to 85 %)"
	[ "$(size "$f")" = "419.528 595.276" ] && ok || bad "$s handout is not A5"
done
ho="$tmp/a/kg-ru/ru/all/women/session-PDO/handout.pdf"
pdftotext -layout "$ho" "$tmp/ho.txt"
python3 - "$tmp/ho.txt" <<'PY' && ok || bad "handout header, page numbers, sections"
import sys
pages = open(sys.argv[1]).read().split("\f")[:-1]
for i, p in enumerate(pages, 1):
    lines = [l.strip() for l in p.split("\n") if l.strip()]
    assert lines[0] == "Памятка · Перед отъездом", lines[0]
    assert lines[-1] == str(i), (i, lines[-1])
text = " ".join(" ".join(pages).split())
for h in ("Главное", "Список дел", "Куда обратиться за помощью", "Ваш трудовой договор"):
    assert h in text, h
PY
pdftotext "$tmp/a/kg-ru/ru/all/women/session-PEO/agenda.pdf" - | grep -q '^09:00' && ok || bad "agenda.pdf has no 09:00"

# QR codes in handbook.html's "Where to get help" (inline SVG): one per
# contact with a phone or a website, in each stage's list; each drawn back
# into an image (the SVG is runs of modules) and decoded by zbarimg to
# exactly its contact's tel: or website.
"$bin" build -C "$root" --corridor kg-ru --corridor tj-ru --corridor kz-kr --lang ru --audience general \
	--sector all --format html -o "$tmp/h" 2>/dev/null && ok || bad "HTML build"
for c in kg-ru tj-ru kz-kr; do
	python3 - "$root/corridors/$c.yaml" "$tmp/h/$c/ru/all/general/handbook.html" "$tmp/qr.pgm" <<'PY' && ok || bad "$c handbook.html QR codes"
import re, subprocess, sys, yaml
contacts = yaml.safe_load(open(sys.argv[1]))["contacts"]
html = open(sys.argv[2]).read()
help = html[html.index('<section class="stage" id="help">'):]
help = help[:help.index("</section>")]
stages = {"Прежде чем решить": "PEO", "Перед отъездом": "PDO", "После приезда": "PAO", "Перед возвращением домой": "PRO"}
def uri(c):
    if c.get("phone"):
        return "tel:" + re.sub(r"[ ().-]", "", c["phone"])
    if c.get("url", "") and re.match(r"https?://", c["url"]):
        return c["url"]
parts = re.split(r"<h3>(.*?)</h3>", help)[1:]
assert parts, "no stage in the help section"
total = 0
for name, body in zip(parts[::2], parts[1::2]):
    st = stages[name]
    want = sorted(u for c in contacts if (not c.get("stages") or st in c["stages"]) for u in [uri(c)] if u)
    svgs = re.findall(r'<svg class="qr"[^>]*viewBox="0 0 (\d+) \d+"[^>]*aria-label="([^"]*)".*?<path fill="#000" d="([^"]*)"', body)
    assert sorted(l for _, l, _ in svgs) == want, (st, [l for _, l, _ in svgs], want)
    for n, label, d in svgs:
        n, k = int(n), 6
        w = n * k
        img = bytearray([255]) * (w * w)
        for x, y, r in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", d):
            x, y, r = int(x), int(y), int(r)
            for yy in range(y * k, (y + 1) * k):
                img[yy * w + x * k:yy * w + (x + r) * k] = bytes(r * k)
        open(sys.argv[3], "wb").write(b"P5 %d %d 255\n" % (w, w) + bytes(img))
        got = subprocess.run(["zbarimg", "-q", "--raw", sys.argv[3]], capture_output=True, text=True).stdout.strip()
        assert got == label, (got, label)
        total += 1
assert total > 0
PY
done

# The help card by kind: emergency, helpline, embassy and women's contacts,
# the women's only in women's editions (audiences), destination first;
# others left to the handbook; every contact when none is of those kinds
# (the render fixture's, above the added ones).
cp -R "$here/../fixtures/render" "$tmp/kinds"
cat >>"$tmp/kinds/corridors/kg-ru.yaml" <<'YAML'
  - name: Test legal aid
    side: destination
    kind: legal-aid
    phone: "+10000000001"
  - name: Test emergency
    side: destination
    kind: emergency
    phone: "112"
  - name: Test women's line
    side: destination
    kind: women
    audiences: [women]
    phone: "+10000000002"
  - name: Test embassy
    side: origin
    kind: embassy
    url: https://example.org/embassy
YAML
"$bin" build -C "$tmp/kinds" -o "$tmp/k" --lang ru --sector all --format helpcard,pdf 2>"$tmp/kerr" && ok || { bad "kinds build"; cat "$tmp/kerr"; }
names() { grep -o '<strong>[^<]*</strong>' "$1" | sed 's/<[^>]*>//g' | tr '\n' '|'; }
[ "$(names "$tmp/k/kg-ru/ru/all/general/helpcard.html")" = "Test emergency|Test embassy|" ] && ok ||
	bad "general help card: $(names "$tmp/k/kg-ru/ru/all/general/helpcard.html")"
[ "$(names "$tmp/k/kg-ru/ru/all/women/helpcard.html")" = "Test emergency|Test women's line|Test embassy|" ] && ok ||
	bad "women's help card: $(names "$tmp/k/kg-ru/ru/all/women/helpcard.html")"
pdftotext "$tmp/k/kg-ru/ru/all/women/helpcard.pdf" - | tr -d ' ' | grep -q '+10000000002' && ok || bad "women's line not on the PDF card"
! pdftotext "$tmp/k/kg-ru/ru/all/women/helpcard.pdf" - | tr -d ' ' | grep -q '+10000000001' && ok || bad "legal aid on the PDF card"
# the handbook's back cover keeps every contact
pdftotext "$tmp/k/kg-ru/ru/all/general/handbook.pdf" - | tr -d ' ' | grep -q '+10000000001' && ok || bad "legal aid not in the handbook"
"$bin" build -C "$here/../fixtures/render" -o "$tmp/g2" --lang ru --format helpcard 2>/dev/null
[ "$(names "$tmp/g2/kg-ru/ru/all/general/helpcard.html")" = "Тестовый офис в стране работы|Test origin office|" ] && ok ||
	bad "fallback help card: $(names "$tmp/g2/kg-ru/ru/all/general/helpcard.html")"

# Links and bookmarks.
grep -a -q '/URI' "$hb" && ok || bad "no link in the handbook"
grep -a -q '/Outlines' "$hb" && ok || bad "no outline in the handbook"

# --paper, any case; --booklet: A5 pages two-up on A4 landscape, ceil(n/4)*2 sides.
n=$(pages "$hb")
build -o "$tmp/c" --paper a4 --audience women --sector all && ok || bad "--paper a4"
[ "$(size "$tmp/c/kg-ru/ru/all/women/handbook.pdf")" = "595.276 841.89" ] && ok || bad "--paper a4: $(size "$tmp/c/kg-ru/ru/all/women/handbook.pdf")"
build -o "$tmp/d" --paper Letter --audience women --sector all && ok || bad "--paper Letter"
[ "$(size "$tmp/d/kg-ru/ru/all/women/helpcard.pdf")" = "612 792" ] && ok || bad "--paper letter help card"
build -o "$tmp/e" --booklet --audience women --sector all && ok || bad "--booklet"
bk="$tmp/e/kg-ru/ru/all/women/handbook.pdf"
[ "$(size "$bk")" = "841.89 595.276" ] && ok || bad "booklet sheet is not A4 landscape: $(size "$bk")"
[ "$(pages "$bk")" = $(( (n + 3) / 4 * 2 )) ] && ok || bad "booklet: $(pages "$bk") sides for $n pages"
"$bin" build -C "$root" -o "$tmp/f" --paper B5 2>/dev/null; [ $? -eq 2 ] && ok || bad "--paper B5 accepted"

# A topic in a fallback language says so, in the reader's language.
${SAFAR_WRAP:-} "$bin" build -C "$here/../fixtures/render" -o "$tmp/g" --lang ru --format pdf 2>/dev/null && ok || bad "fixture build"
pdftotext "$tmp/g/kg-ru/ru/all/general/handbook.pdf" - | grep -q 'Этот раздел ещё не переведён на русский язык' && ok ||
	bad "the fallback topic is not marked"

echo "pdf: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
