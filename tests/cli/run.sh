#!/bin/sh
# run.sh BIN: the safar binary end to end: commands, exit codes, help against
# the man page, JSON that parses back, root discovery, the bundled content.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# Debian's python3 has the modules make deps installs (openpyxl, jsonschema).
py=/usr/bin/python3
[ -x "$py" ] || py=python3

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect STATUS NAME -- command...: runs it, keeps stdout/stderr in $tmp/out, $tmp/err.
expect() {
	want=$1 name=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$name: exit $got, expected $want"; cat "$tmp/err" | head -5; fi
}
# same NAME FILE TEXT: FILE holds exactly TEXT (plus the final newline).
same() {
	printf '%s\n' "$3" >"$tmp/want"
	if cmp -s "$tmp/want" "$2"; then ok; else bad "$1"; diff "$tmp/want" "$2" | head -10; fi
}

expect 0 version -- "$bin" --version
same version "$tmp/out" "safar 0.1.0"

expect 0 help -- "$bin" --help
grep -q '^  check ' "$tmp/out" && ok || bad "help lists check"
expect 2 no-command -- "$bin"
expect 2 unknown-command -- "$bin" chekc
same unknown-command "$tmp/err" "safar: unknown command 'chekc'; did you mean 'check'?
Try 'safar --help'."
expect 2 unknown-option -- "$bin" check --formt text
same unknown-option "$tmp/err" "safar check: unknown option '--formt'; did you mean '--format'?
Try 'safar check --help'."
# A usage error quotes what was typed: escaped, as diagnostics are.
expect 2 unknown-command-escaped -- "$bin" "$(printf 'x\033]0;t\007')"
same unknown-command-escaped "$tmp/err" "safar: unknown command 'x\x1B]0;t\x07'
Try 'safar --help'."
expect 2 list-what-escaped -- "$bin" list "$(printf 'x\033[2J')"
same list-what-escaped "$tmp/err" "safar list: cannot list 'x\x1B[2J' (corridors, topics, modules)
Try 'safar list --help'."
expect 2 missing-value -- "$bin" check -C
expect 2 bad-format -- "$bin" check --format yaml
expect 2 stray-operand -- "$bin" check extra
expect 2 list-nothing -- "$bin" list
expect 2 list-what -- "$bin" list corridor
same list-what "$tmp/err" "safar list: cannot list 'corridor' (corridors, topics, modules)
Try 'safar list --help'."
expect 3 missing-root -- "$bin" check -C "$tmp/nowhere"
same missing-root "$tmp/err" "$tmp/nowhere:1:1: error: cannot open content root: No such file or directory [io]
1 error, 0 warnings: io 1"

# --help of every command lists exactly the options its section of the man
# page documents.
for cmd in build check coverage dump explain init list sms translate; do
	"$bin" $cmd --help >"$tmp/help" 2>&1 || bad "$cmd --help exits non-zero"
	grep -o -- '--[a-z-]*' "$tmp/help" | sort -u >"$tmp/h"
	awk -v c="$cmd" '/^\.S[SH] /{on = ($0 ~ "^.SS \"safar " c "\"")} on' "$top/docs/safar.1" |
		grep -o -- '\\-\\-[a-z-]*' | sed 's/\\//g' | sort -u >"$tmp/m"
	if [ -s "$tmp/h" ] && cmp -s "$tmp/h" "$tmp/m"; then ok; else
		bad "$cmd: --help and docs/safar.1 disagree"; diff "$tmp/h" "$tmp/m"; fi
done

# Every diagnostic code of the catalogue is documented.
sed -n 's/.*X([A-Z_0-9]*, SF_[A-Z]*, "\([a-z0-9-]*\)".*/\1/p' "$top/include/safar/diag.h" >"$tmp/codes"
[ -s "$tmp/codes" ] || bad "no codes found in diag.h"
while read -r code; do
	grep -q "| \`$code\` |" "$top/docs/diagnostics.md" && ok || bad "docs/diagnostics.md lacks $code"
done <"$tmp/codes"

# JSON listings parse back, and hold what the root holds.
root="$top/tests/golden/clean/root"
expect 0 list-modules-json -- "$bin" list modules --format json -C "$root"
"$py" -c '
import json, sys
m = json.load(open(sys.argv[1]))
assert [x["id"] for x in m] == ["employment-contract"], m
assert m[0]["stage"] == "PDO" and m[0]["review_by"] == "2027-06-30" and m[0]["when"] == {}
' "$tmp/out" && ok || bad "list modules json"
expect 0 list-corridors-json -- "$bin" list corridors --format json -C "$root"
"$py" -c '
import json, sys
c = json.load(open(sys.argv[1]))
assert c == [{"id": "kg-ru", "origin": "KG", "destination": "RU", "title": "Kyrgyzstan to Russia",
  "languages": ["en"], "sectors": [], "audiences": ["general", "women"],
  "path": sys.argv[2] + "/corridors/kg-ru.yaml"}], c
' "$tmp/out" "$root" && ok || bad "list corridors json"
expect 0 list-topics-json -- "$bin" list topics --format json -C "$root"
"$py" -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out" && ok || bad "list topics json"
expect 0 list-topics-text -- "$bin" list topics -C "$root"
same list-topics-text "$tmp/out" "PDO employment-contract               1 module   en"

# With no -C and no root here, the bundled content is used, and said; check
# never falls back, and an empty root is an error, not a clean pass.
mkdir -p "$tmp/empty"
(cd "$tmp/empty" && SAFAR_DATADIR="$root" "$bin" list corridors) >"$tmp/out" 2>"$tmp/err" &&
	grep -q '^kg-ru ' "$tmp/out" && ok || bad "root discovery falls back to the data directory"
same bundled-notice "$tmp/err" "safar: no content root here (no safar.yaml or corridors/); using the bundled sample content in $root"
(cd "$tmp/empty" && SAFAR_DATADIR="$root" "$bin" check) >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && ok || bad "check without a root: exit status"
same check-no-root "$tmp/err" "safar check: no content root here (no safar.yaml or corridors/); use -C DIR
Try 'safar check --help'."
expect 1 check-empty-root -- "$bin" check -C "$tmp/empty"
same check-empty-root "$tmp/err" "$tmp/empty:1:1: error: no content root here: no corridors/*.yaml and no content/**/*.md; name the right folder with -C, or start from 'safar init DIR' [empty-root]
1 error, 0 warnings: empty-root 1"
mkdir -p "$tmp/halfroot/corridors" && cp "$root/corridors/kg-ru.yaml" "$tmp/halfroot/corridors/"
expect 1 check-no-module -- "$bin" check -C "$tmp/halfroot"
grep -q "^$tmp/halfroot/content:1:1: error: no module in this content root: add content/\*\*/\*.md, or start from 'safar init DIR' \[empty-root\]" "$tmp/err" && ok || bad "check-no-module message"

# The content bundled with safar checks clean, and every module of it loads.
expect 0 bundled-check -- "$bin" check -C "$top"
expect 0 bundled-modules-json -- "$bin" list modules --format json -C "$top"
n=$(find "$top/content" -name '*.md' | wc -l)
"$py" -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) == int(sys.argv[2])' "$tmp/out" "$n" &&
	ok || bad "list modules holds every bundled module"

# explain: JSON parses back; the bundled content explains.
expect 0 explain-json -- "$bin" explain kg-ru contract --format json -C "$top/tests/fixtures/resolve/basic"
"$py" -c '
import json, sys
e = json.load(open(sys.argv[1]))
assert e["target"] == {"corridor": "kg-ru", "lang": "ky", "sector": None, "audience": "general",
                       "chain": ["ky", "ru", "en"]}, e["target"]
assert [t["stage"] for t in e["topics"]] == ["PDO", "PAO"]
assert e["topics"][0]["result"]["parts"] == [{"path": sys.argv[2] + "/content/pdo/contract/general.ky.md", "role": "base"}]
' "$tmp/out" "$top/tests/fixtures/resolve/basic" && ok || bad "explain json"
expect 0 explain-bundled -- "$bin" explain kg-ru work-permit --lang ru -C "$top"
grep -q '^result: ru$' "$tmp/out" && ok || bad "explain on the bundled content resolves kg-ru work-permit in ru"

# build over the bundled content writes every output of every edition.
"$bin" build -C "$top" -o "$tmp/bundled" -j 2 >/dev/null 2>"$tmp/err" && ok || { bad "build the bundled content"; cat "$tmp/err"; }
"$bin" list corridors --format json -C "$top" >"$tmp/corridors.json"
"$py" -c '
import json, os, sys
out = sys.argv[2]
n = 0
for c in json.load(open(sys.argv[1])):
    for lang in c["languages"]:
        for sector in ["all"] + c["sectors"]:
            for aud in c["audiences"]:
                d = os.path.join(out, c["id"], lang, sector, aud)
                for f in ["handbook.html", "checklist.html", "checklist.xlsx", "sms.csv"]:
                    assert os.path.getsize(os.path.join(d, f)) > 0, (d, f)
                for st in ["PEO", "PDO", "PAO", "PRO"]:
                    s = os.path.join(d, "session-" + st)
                    for f in ["agenda.html", "trainer.html", "handout.html", "tracking.xlsx"]:
                        assert os.path.getsize(os.path.join(s, f)) > 0, (s, f)
                n += 1
assert n > 100, n
assert os.path.getsize(os.path.join(out, "index.html")) > 0
' "$tmp/corridors.json" "$tmp/bundled" && ok || bad "every output of every bundled edition"
# The readers are told: a draft edition is marked in the index, its cover
# and draft sections say so; a reviewed one is not marked.
grep -q '<li>All sectors · women <em class="draft">(draft)</em>:.*href="kg-ru/ky/all/women/handbook.html"' "$tmp/bundled/index.html" &&
	! grep -q '<li>All sectors · women <em class="draft">(draft)</em>:.*href="kg-ru/ru/all/women/handbook.html"' "$tmp/bundled/index.html" &&
	ok || bad "index marks draft editions, and only them"
grep -q '<p class="notice">Долбоор: бул басылмадагы айрым тексттер азырынча текшериле элек.</p>' "$tmp/bundled/kg-ru/ky/all/women/handbook.html" &&
	grep -q '<p class="notice">Долбоор: бул бөлүм азырынча текшериле элек.</p>' "$tmp/bundled/kg-ru/ky/all/women/handbook.html" &&
	ok || bad "a draft handbook says so on its cover and its draft sections"
grep -q '<p class="meta">Информация проверена: 2026-11-23 – 2026-12-04</p>' "$tmp/bundled/kg-ru/ru/all/women/handbook.html" &&
	ok || bad "the cover says when the information was checked"
# A national short code is a phone like any other, linked as tel: (kz-kr: 1345).
grep -q 'Phone: <a href="tel:1345">1345</a>' "$tmp/bundled/kz-kr/en/all/general/handbook.html" && ok ||
	bad "a short-code phone is printed and linked"

# init copies the bundled content into a new root, which checks as the original does.
SAFAR_DATADIR="$top" expect 0 init -- "$bin" init "$tmp/newroot"
a=$(cd "$top" && find safar.yaml corridors content i18n -type f | sort | md5sum)
b=$(cd "$tmp/newroot" && find safar.yaml corridors content i18n -type f | sort | md5sum)
[ "$a" = "$b" ] && ok || bad "init copies every bundled file"
cmp -s "$top/corridors/kg-ru.yaml" "$tmp/newroot/corridors/kg-ru.yaml" && ok || bad "init copies bytes"
expect 0 init-check -- "$bin" check -C "$tmp/newroot"
expect 2 init-not-empty -- "$bin" init "$tmp/newroot"
# Right after make, with no SAFAR_DATADIR, init finds the source tree's content.
(unset SAFAR_DATADIR; "$bin" init "$tmp/newroot2") >"$tmp/out" 2>"$tmp/err" && ok || { bad "init right after make"; cat "$tmp/err"; }
cmp -s "$top/corridors/kg-ru.yaml" "$tmp/newroot2/corridors/kg-ru.yaml" && ok || bad "init right after make copies the bundled content"

# check --format json follows docs/check-json.schema.json; junit has the
# shape JUnit readers expect.
expect 1 check-json -- "$bin" check --today 2026-11-23 --format json -C "$top/tests/golden/check-bad-contact/root"
"$py" -c '
import json, sys, jsonschema
doc = json.load(open(sys.argv[1]))
jsonschema.validate(doc, json.load(open(sys.argv[2])))
assert doc["summary"] == {"errors": 3, "warnings": 0}, doc["summary"]
assert [d["code"] for d in doc["diagnostics"]] == ["missing-contact", "bad-contact", "bad-contact"]
' "$tmp/out" "$top/docs/check-json.schema.json" && ok || bad "check json against its schema"
# coverage --format json follows docs/coverage-json.schema.json, every state
# included (the Türkiye case has tailored cells, coverage-states the rest).
for r in coverage-states language-parity-tr; do
expect 0 "coverage-json-$r" -- "$bin" coverage --today 2026-11-23 --format json -C "$top/tests/golden/$r/root"
"$py" -c '
import json, sys, jsonschema
doc = json.load(open(sys.argv[1]))
jsonschema.validate(doc, json.load(open(sys.argv[2])))
' "$tmp/out" "$top/docs/coverage-json.schema.json" && ok || bad "coverage json of $r against its schema"
cat "$tmp/out" >>"$tmp/covall.json"
done
"$py" -c '
import json, sys
states = set()
for line in open(sys.argv[1]).read().replace("}\n{", "}\0{").split("\0"):
    for c in json.loads(line)["corridors"]:
        for r in c["rows"]:
            states |= {x["state"] for x in r["cells"] if x}
assert states == {"tailored", "generic", "fallback", "draft", "stale", "missing"}, states
' "$tmp/covall.json" && ok || bad "coverage json shows every state"
# --format github: one annotation per file with its count, and every
# finding in $GITHUB_STEP_SUMMARY.
: >"$tmp/summary.md"
expect 1 check-github-summary -- env GITHUB_STEP_SUMMARY="$tmp/summary.md" "$bin" check --today 2026-11-23 --format github -C "$top/tests/golden/check-policy/root"
[ "$(wc -l <"$tmp/out")" -eq 2 ] && grep -q '^::error file=.*corridors/kg-tr.yaml,line=10,col=14,title=safar%3A 3 findings (2 errors%2C 1 warning)::' "$tmp/out" && ok || bad "github: one annotation per file"
grep -q '^| `missing-fact` | error | 1 |$' "$tmp/summary.md" && [ "$(grep -c '^| [^ ]*corridors/kg-tr.yaml | [0-9]' "$tmp/summary.md")" -eq 3 ] && ok || { bad "github: step summary lists every finding"; head -20 "$tmp/summary.md"; }
expect 1 check-junit -- "$bin" check --today 2026-11-23 --format junit -C "$top/tests/golden/check-missing-topic/root"
"$py" -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites"
total = fails = 0
for suite in root:
    assert suite.tag == "testsuite" and suite.get("name")
    cases = list(suite)
    assert all(c.tag == "testcase" and c.get("classname") and c.get("name") for c in cases)
    assert int(suite.get("tests")) == len(cases)
    f = sum(1 for c in cases if c.find("failure") is not None)
    assert int(suite.get("failures")) == f
    for c in cases:
        for fl in c.findall("failure"):
            assert fl.get("type") and fl.get("message") and fl.text
    total += len(cases); fails += f
assert int(root.get("tests")) == total == 4 and int(root.get("failures")) == fails == 1
' "$tmp/out" && ok || bad "check junit shape"
# Names no report may print raw (tests/golden/escape-names): the JUnit XML
# still parses, U+FFFE and ESC in it as U+FFFD; the JSON keeps them exactly.
mkdir -p "$tmp/names"
CASE="$top/tests/golden/escape-names" sh "$top/tests/golden/escape-names/make-root.sh" "$tmp/names"
expect 1 check-junit-names -- "$bin" check --today 2026-11-23 --format junit -C "$tmp/names"
"$py" -c 'import xml.dom.minidom, sys; xml.dom.minidom.parse(sys.argv[1])' "$tmp/out" && ok ||
	bad "junit with U+FFFE and ESC in names is well-formed XML"
"$py" -c '
import os, sys, xml.etree.ElementTree as ET
cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
names = sorted(os.path.basename(c.get("name")) for c in cases if c.get("classname") == "content")
assert names == ["a<b&c.md", "kg-ru.yaml", "new\nline.md", "x\ufffd.md", "\ufffd]0;pwned\ufffd.md"], names
' "$tmp/out" && ok || bad "junit names: U+FFFD for what XML forbids, newline and <& kept"
expect 1 check-json-names -- "$bin" check --today 2026-11-23 --format json -C "$tmp/names"
"$py" -c '
import json, sys
files = sorted({d["file"] for d in json.load(open(sys.argv[1]))["diagnostics"]})
want = [sys.argv[2] + "/content/pdo/" + f for f in
        ["\x1b]0;pwned\x07.md", "a<b&c.md", "new\nline.md", "x\ufffe.md"]]
assert files == want + [sys.argv[2] + "/corridors/kg-ru.yaml"], files
' "$tmp/out" "$tmp/names" && ok || bad "json names: exact, every control character escaped"
grep -q "$(printf '\033')" "$tmp/out" && bad "json holds a raw ESC" || ok

# Interface yes / no holding a comma and a quote: the drop-downs refer to
# cells of a hidden sheet (an inline list cannot hold a comma); a checklist
# item that looks like a formula is a string cell; U+FFFE (in an item, in a
# sheet name) and ESC become U+FFFD or go, and the workbook stays readable.
cp -R "$root" "$tmp/yesno"
mkdir -p "$tmp/yesno/i18n"
printf '%s\n' "yes: 'Yes, \"sure\"'" 'no: "No, never"' 'attendance: "Att\uFFFE\e"' >"$tmp/yesno/i18n/en.yaml"
printf -- '---\nid: tick\nstage: PDO\ntitle: Tick\nlang: en\nreview_by: 2027-06-30\nstatus: reviewed\nreviewed: {on: 2026-01-01, by: fixture}\nsources: [S]\nchecklist: ["=1+1", "a\\uFFFEb\\ec"]\n---\nBody.\n' \
	>"$tmp/yesno/content/pdo/tick.en.md"
expect 0 build-yesno -- "$bin" build -C "$tmp/yesno" -o "$tmp/yesno-out" --format xlsx,session --audience general
"$py" -c '
import sys, openpyxl
ed = sys.argv[1] + "/kg-ru/en/all/general/"
for f, sheets in (("checklist.xlsx", ["Before you leave"]),
                  ("session-PDO/tracking.xlsx", ["Att", "Checklist progress"])):
    wb = openpyxl.load_workbook(ed + f)
    assert wb.sheetnames == sheets + ["Lists"], wb.sheetnames
    lists = wb["Lists"]
    assert lists.sheet_state == "hidden" and lists["A1"].value == "Yes, \"sure\"" and lists["A2"].value == "No, never"
    names = {d.name: d.attr_text for d in wb.defined_names.definedName}
    assert names == {"SafarYes": "'"'"'Lists'"'"'!$A$1", "SafarYesNo": "'"'"'Lists'"'"'!$A$1:$A$2"}, names
    for s in sheets:
        assert [dv.formula1 for dv in wb[s].data_validations.dataValidation] == ["SafarYesNo"], (f, s)
items = openpyxl.load_workbook(ed + "checklist.xlsx")["Before you leave"]["A2:A3"]
assert [(c.value, c.data_type) for (c,) in items] == [("=1+1", "s"), ("a\ufffdb\ufffdc", "s")], items
' "$tmp/yesno-out" && ok || bad "yes / no with a comma and a quote: drop-downs refer to hidden cells"

# coverage --format xlsx with U+FFFE in a corridor id is readable XLSX.
expect 1 coverage-xlsx-names -- "$bin" coverage --today 2026-11-23 --format xlsx -o "$tmp/names.xlsx" -C "$tmp/names"
"$py" -c '
import sys, openpyxl
assert openpyxl.load_workbook(sys.argv[1]).sheetnames == ["Summary", "kg-ru"]
' "$tmp/names.xlsx" && ok || bad "coverage xlsx with U+FFFE in an id"

# coverage --format xlsx, read back by an independent reader.
expect 0 coverage-xlsx -- "$bin" coverage --today 2026-11-23 --format xlsx -o "$tmp/cov.xlsx" -C "$top/tests/golden/coverage-states/root"
"$py" -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Summary", "kg-ru"], wb.sheetnames
sm = [[c.value for c in r] for r in wb["Summary"].iter_rows()]
assert sm[0] == ["corridor", "origin", "destination", "% tailored", "% reviewed", "next review", "% tailored, en", "% tailored, ru"], sm[0]
assert sm[1] == ["kg-ru", "KG", "RU", 0, 66, "2026-11-01", 0, 0], sm[1]
ws = wb["kg-ru"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
assert rows[0] == ["stage", "topic", "title", "required", "en/general", "en/women", "ru/general", "ru/women"], rows[0]
assert rows[1] == ["PDO", "documents", "documents", "yes", "generic", "generic", "stale", "stale"], rows[1]
assert rows[5] == ["PAO", "arrival", None, "yes", "missing", "missing", "missing", "missing"], rows[5]
assert ws.freeze_panes == "E2", ws.freeze_panes
fills = {}
for rng in ws.conditional_formatting:
    for rule in rng.rules:
        fills[rule.formula[0]] = rule.dxf.fill.bgColor.rgb[-6:]
assert fills["\"tailored\""] == "66BB6A" and fills["\"missing\""] == "E57373" and fills["\"fallback\""] == "FFE082", fills
' "$tmp/cov.xlsx" && ok || bad "coverage xlsx read back"
[ -z "$(ls "$tmp" | grep tmp-coverage)" ] && ok || bad "coverage left a temporary file"

# Build filters and explain/sms targets name what the content has; a typo is
# a usage error with a suggestion, and nothing is written.
froot="$top/tests/fixtures/render"
expect 2 build-bad-corridor -- "$bin" build -C "$froot" -o "$tmp/filtered" --corridor kg-rx
same build-bad-corridor "$tmp/err" "safar build: the content root has no corridor 'kg-rx'; did you mean 'kg-ru'? (it has: kg-ru)
Try 'safar build --help'."
expect 2 build-bad-lang -- "$bin" build -C "$froot" -o "$tmp/filtered" --lang ky
same build-bad-lang "$tmp/err" "safar build: no corridor has the language 'ky' (there are: ru, en)
Try 'safar build --help'."
expect 2 build-bad-audience -- "$bin" build -C "$froot" -o "$tmp/filtered" --corridor kg-ru --audience wmen
same build-bad-audience "$tmp/err" "safar build: kg-ru has no audience 'wmen'; did you mean 'women'? (it has: general, women)
Try 'safar build --help'."
expect 2 build-bad-sector -- "$bin" build -C "$froot" -o "$tmp/filtered" --sector constructoin
expect 2 build-bad-stage -- "$bin" build -C "$froot" -o "$tmp/filtered" --stage PXO
[ ! -e "$tmp/filtered" ] && ok || bad "a build with a bad filter wrote something"
expect 2 explain-bad-lang -- "$bin" explain kg-ru contract -C "$froot" --lang ky
same explain-bad-lang "$tmp/err" "safar explain: kg-ru has no language 'ky' (it has: ru, en)
Try 'safar explain --help'."
expect 2 sms-bad-sector -- "$bin" sms kg-ru -C "$froot" --sector trade

# Interface strings: safar's own serve a root with no i18n/ (Russian and
# Kyrgyz, sector names too); a root's i18n/ru.yaml wins key by key over them
# (the fixture's `contents`); a language safar has none for (tr) is shown
# through its fallback chain.
headings() { grep -o '<p class="edition">[^<]*</p>\|<h2>[^<]*</h2>' "$1"; }
expect 0 build-builtin-strings -- "$bin" build -C "$top/tests/golden/i18n-builtin/root" -o "$tmp/i18n" --format html
headings "$tmp/i18n/kg-ru/ru/construction/general/handbook.html" >"$tmp/h"
same builtin-strings-ru "$tmp/h" '<p class="edition">Вид работы: Строительство · Для кого: Все · Русский</p>
<h2>Содержание</h2>
<h2>Перед отъездом</h2>
<h2>Куда обратиться за помощью</h2>
<h2>Источники</h2>'
headings "$tmp/i18n/kg-ru/ky/construction/general/handbook.html" >"$tmp/h"
same builtin-strings-ky "$tmp/h" '<p class="edition">Иштин түрү: Курулуш · Ким үчүн: Баары · Кыргызча</p>
<h2>Мазмуну</h2>
<h2>Жолго чыгардан мурун</h2>
<h2>Кайдан жардам алса болот</h2>
<h2>Булактар</h2>'
expect 0 build-root-strings -- "$bin" build -C "$froot" -o "$tmp/i18n-root" --format html --lang ru --sector construction --audience general
headings "$tmp/i18n-root/kg-ru/ru/construction/general/handbook.html" >"$tmp/h"
same root-strings-win "$tmp/h" '<p class="edition">Вид работы: Строительство · Для кого: Все · Русский</p>
<h2>Оглавление</h2>
<h2>Прежде чем решить</h2>
<h2>Перед отъездом</h2>
<h2>После приезда</h2>
<h2>Список дел</h2>
<h2>Куда обратиться за помощью</h2>
<h2>Источники</h2>'
expect 0 build-no-strings -- "$bin" build -C "$top/tests/golden/check-i18n-no-file/root" -o "$tmp/i18n-tr" --format html --lang tr --sector fishing
headings "$tmp/i18n-tr/kg-ru/tr/fishing/general/handbook.html" >"$tmp/h"
same no-strings-fall-back "$tmp/h" '<p class="edition">Sector: fishing · For: Everyone · tr</p>
<h2>Contents</h2>
<h2>Before you leave</h2>
<h2>Where to get help</h2>
<h2>Sources</h2>'

# --today is validated; exit codes as DESIGN 4.
expect 2 check-bad-today -- "$bin" check --today 2026-02-30
expect 2 check-bad-max -- "$bin" check --max-warnings -1

# safar translate: stamp, stale translations, the PO round trip.
sh "$top/tests/cli/translate.sh" "$bin" >"$tmp/tr" 2>&1 && ok || { bad "translate.sh"; cat "$tmp/tr"; }

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
