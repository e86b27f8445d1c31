# Control characters in content, which the reports show escaped: a raw ESC
# in a title (YAML refuses it; the quoted line shows it), ESC and BEL in an
# id (a YAML escape; the message quotes the id), and in a body raw ESC, a C1
# CSI (U+009B), U+FFFE and a TAB before a dead link (the caret lines up
# under the link's escaped line). root/ has ESC and BEL in the corridor's
# title, which list corridors shows escaped, as list and coverage show ids.
cp -R "$CASE/root/." "$1/"
mkdir -p "$1/content/pdo"
front() {
	printf -- '---\nid: %s\nstage: PDO\ntitle: %s\nlang: en\nreview_by: 2027-06-30\nstatus: reviewed\nreviewed: {on: 2026-01-01, by: fixture}\nsources: [S]\n---\n' "$1" "$2"
}
{ front contract 'Contract'; printf '\033[2J\033[31m\302\233\357\277\276\tSee [x](#nowhere).\n'; } >"$1/content/pdo/contract.md"
{ front title "$(printf 'Your \033]0;pwned\007 title')"; printf 'Body.\n'; } >"$1/content/pdo/title.md"
{ front '"bad\e]0;pwned\a"' 'Id'; printf 'Body.\n'; } >"$1/content/pdo/id.md"
