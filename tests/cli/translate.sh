#!/bin/sh
# translate.sh BIN: `safar translate` end to end on tests/fixtures/translate
# and on the bundled content's ky modules: stamp, stale translations named
# by unit, PO export that msgfmt --check accepts, msgcat and msgmerge
# re-wrapping, import byte for byte, one msgstr edited changes one unit.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
py=/usr/bin/python3
[ -x "$py" ] || py=python3
# Under ASan: libgettextpo's own leak (see the file) is not ours.
LSAN_OPTIONS="suppressions=$top/tests/lsan-gettextpo.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS

# A root under git-free copy; snap/cmp compare every file's bytes.
snap() { (cd "$1" && find content -type f | sort | xargs cat) >"$2"; }

r="$tmp/fx"
cp -R "$top/tests/fixtures/translate" "$r"
cd "$r" || exit 1

# Unstamped: a warning saying so; stamp writes only the translation_of line.
"$bin" check --today 2026-12-01 2>"$tmp/err"
grep -q 'contract.ky.md:6:17: warning: this translation of content/pdo/contract.en.md was never stamped' "$tmp/err" && ok || { bad "unstamped"; cat "$tmp/err"; }
cp content/pdo/contract.ky.md "$tmp/before"
"$bin" translate stamp content/pdo/contract.ky.md 2>"$tmp/err" && ok || { bad "stamp exit"; cat "$tmp/err"; }
diff "$tmp/before" content/pdo/contract.ky.md >"$tmp/d"
[ "$(grep -c '^[<>]' "$tmp/d")" = 2 ] && grep -q '^> translation_of: { lang: en, hash: "[0-9a-f]\{8\}", units: "t:' "$tmp/d" && ok || { bad "stamp edits one line"; cat "$tmp/d"; }
"$bin" check --today 2026-12-01 2>"$tmp/err" && [ ! -s "$tmp/err" ] && ok || { bad "stamped check clean"; cat "$tmp/err"; }
# Stamping again changes nothing.
cp content/pdo/contract.ky.md "$tmp/stamped"
"$bin" translate stamp 2>/dev/null
cmp -s "$tmp/stamped" content/pdo/contract.ky.md && ok || bad "stamp is idempotent"

# Whitespace-only edits of the source keep the hash.
cp content/pdo/contract.en.md "$tmp/en"
sed -i 's/^A contract protects you. Read it before$/A contract  protects you.   Read it before  /' content/pdo/contract.en.md
"$bin" check --today 2026-12-01 2>"$tmp/err" && [ ! -s "$tmp/err" ] && ok || { bad "whitespace edit not stale"; cat "$tmp/err"; }
# One paragraph, one checklist item and the title edited: named, nothing else.
sed -i 's/^you sign, in a language you understand.$/you sign, in a language you read well./; s/^  - Read and sign a written contract$/  - Read, then sign, a written contract/; s/^title: "Your employment contract"/title: "Your work contract"/' content/pdo/contract.en.md
"$bin" check --today 2026-12-01 2>"$tmp/err"
grep -q 'contract.ky.md:6:35: warning: content/pdo/contract.en.md changed since this translation was stamped (title, paragraph 2, checklist item 1): update the translation' "$tmp/err" && ok || { bad "stale names units"; cat "$tmp/err"; }
[ "$(grep -c '\[stale-translation\]' "$tmp/err")" = 1 ] && ok || bad "one stale report"
"$bin" check --strict --today 2026-12-01 >/dev/null 2>&1; [ $? = 1 ] && ok || bad "--strict: stale is an error"
cp "$tmp/en" content/pdo/contract.en.md

# Export: msgfmt --check accepts it; fuzzy only where stale.
"$bin" translate export --lang ky -o "$tmp/po" 2>"$tmp/err" && ok || { bad "export"; cat "$tmp/err"; }
po="$tmp/po/pdo/contract.ky.po"
[ -f "$po" ] && ok || bad "export path"
msgfmt --check -o /dev/null "$po" 2>"$tmp/err" && ok || { bad "msgfmt --check"; cat "$tmp/err"; }
! grep -q fuzzy "$po" && ok || bad "no fuzzy when current"
[ "$(grep -c '^msgctxt' "$po")" = 14 ] && ok || bad "14 units"

# Untouched, re-wrapped by msgcat, merged by msgmerge: import changes nothing.
snap "$r" "$tmp/s0"
"$bin" translate import "$tmp/po" 2>/dev/null; snap "$r" "$tmp/s1"
cmp -s "$tmp/s0" "$tmp/s1" && ok || bad "import untouched: byte for byte"
msgcat --width=30 -o "$tmp/cat.po" "$po" && mv "$tmp/cat.po" "$po"
msgmerge -q --width=50 -o "$tmp/merged.po" "$po" "$po" && mv "$tmp/merged.po" "$po"
msgfmt --check -o /dev/null "$po" 2>/dev/null && ok || bad "msgfmt after msgcat/msgmerge"
"$bin" translate import "$tmp/po" 2>/dev/null; snap "$r" "$tmp/s1"
cmp -s "$tmp/s0" "$tmp/s1" && ok || bad "import after msgcat/msgmerge: byte for byte"

# One msgstr edited in each kind of unit: exactly those values change, the
# module loads back with them, and it is stamped current, as a draft.
"$py" - "$po" <<'PY' || bad "edit po"
import sys, re
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
# Entries are separated by blank lines; set msgstr of chosen contexts.
new = {"employment-contract p3": "Көчүрмөсүн сактаңыз:\nсүрөт да болот.",
       "employment-contract c2": "Сүрөтүн сактаңыз: паспорттукун да",
       "employment-contract q1o1": "Сиз, \"өзүңүз\"",
       "employment-contract notes": "Ким келишимсиз иштеген?\n",
       "employment-contract title": "Келишим: эмгек"}
out = []
for e in s.split("\n\n"):
    m = re.search(r'^msgctxt "(.*)"$', e, re.M)
    if m and m.group(1) in new:
        v = new[m.group(1)]
        lit = '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        e = e[:e.index("\nmsgstr ")] + "\nmsgstr " + lit
    out.append(e)
open(p, "w", encoding="utf-8").write("\n\n".join(out) + ("" if s.endswith("\n\n") else "\n"))
PY
cp content/pdo/contract.ky.md "$tmp/ky0"
"$bin" translate import "$tmp/po" 2>"$tmp/err" && ok || { bad "import"; cat "$tmp/err"; }
diff "$tmp/ky0" content/pdo/contract.ky.md >"$tmp/d"
cat >"$tmp/want" <<'W'
4c4
< title: "Эмгек келишимиңиз"
---
> title: "Келишим: эмгек"
8c8
< status: reviewed
---
> status: draft
14c14
<   - "Анын жана паспортуңуздун сүрөтүн сактаңыз"
---
>   - "Сүрөтүн сактаңыз: паспорттукун да"
16,17c16
<   Ким келишимсиз иштегенин сураңыз.
<   Андан кийин эмне болгонун сураңыз.
---
>   Ким келишимсиз иштеген?
20c19
<     options: [Сиз, "Иш берүүчү"]
---
>     options: ["Сиз, \"өзүңүз\"", "Иш берүүчү"]
28,29c27,28
< - Көчүрмөсүн сактаңыз: телефондогу
<   сүрөт жетиштүү.
---
> - Көчүрмөсүн сактаңыз:
>   сүрөт да болот.
W
cmp -s "$tmp/want" "$tmp/d" && ok || { bad "one msgstr, one unit"; diff "$tmp/want" "$tmp/d"; }
"$bin" check --today 2026-12-01 2>"$tmp/err"
grep -q 'stale-translation' "$tmp/err" && bad "imported is current" || ok
"$bin" list modules --format json >"$tmp/j" 2>/dev/null
"$py" -c '
import json, sys
m = [x for x in json.load(open(sys.argv[1])) if x["lang"] == "ky"][0]
assert m["title"] == "Келишим: эмгек", m
' "$tmp/j" && ok || bad "imported module loads back"

# The bundled content's ky modules: stamp, export, msgfmt --check every
# file, import untouched after msgcat: byte for byte.
b="$tmp/bundled"
mkdir "$b"
cp -R "$top/content" "$top/corridors" "$top/safar.yaml" "$b/"
[ -d "$top/i18n" ] && cp -R "$top/i18n" "$b/"
cd "$b" || exit 1
"$bin" translate stamp --from en $(grep -rl '^lang: ky' content) 2>/dev/null
"$bin" translate export --lang ky -o "$tmp/bpo" 2>/dev/null && ok || bad "bundled export"
n=0; for f in $(find "$tmp/bpo" -name '*.po'); do
	msgfmt --check -o /dev/null "$f" 2>/dev/null || { bad "msgfmt --check $f"; }
	msgcat -o "$f.w" --width=60 "$f" && mv "$f.w" "$f"
	n=$((n + 1))
done
[ "$n" -gt 60 ] && ok || bad "bundled: $n PO files"
snap "$b" "$tmp/b0"
"$bin" translate import "$tmp/bpo" 2>/dev/null
snap "$b" "$tmp/b1"
cmp -s "$tmp/b0" "$tmp/b1" && ok || bad "bundled import untouched: byte for byte"

# The bundled translations are stamped: one English paragraph edited makes
# exactly that module's translations stale, naming the paragraph. (Drafts
# whose English changed since they were written are stale already, and
# say so: those findings are the same before and after.)
"$bin" check --today 2026-12-01 2>&1 | grep '\[stale-translation\]' | sed 's/:.*(/ (/; s/).*/)/' | sort >"$tmp/st0"
grep -q 'health-and-safety/construction' "$tmp/st0" && bad "bundled: construction's translations are stale already" || ok
sed -i 's/and ladders must be sound and secured\. Do not climb onto/and ladders must be sound and tied. Do not climb onto/' content/pdo/health-and-safety/construction.en.md
"$bin" check --today 2026-12-01 2>&1 | grep '\[stale-translation\]' | sed 's/:.*(/ (/; s/).*/)/' | sort >"$tmp/st1"
comm -13 "$tmp/st0" "$tmp/st1" >"$tmp/st"
printf '%s\n' "content/pdo/health-and-safety/construction.ky.md (paragraph 4)" \
	"content/pdo/health-and-safety/construction.ru.md (paragraph 4)" \
	"content/pdo/health-and-safety/construction.tg.md (paragraph 4)" \
	"content/pdo/health-and-safety/construction.uz.md (paragraph 4)" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/st" && ok || { bad "bundled: one paragraph, its translations"; diff "$tmp/want" "$tmp/st"; }

echo "translate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
