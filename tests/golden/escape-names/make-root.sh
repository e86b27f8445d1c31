# File names no report may print raw: a newline (a diagnostic line must stay
# one line), an escape sequence (it must not retitle the terminal), U+FFFE
# and XML's own < & (the JUnit report must stay well-formed XML). Each module
# is past its review date: one error each. The corridor id holds U+FFFE too.
cp -R "$CASE/root/." "$1/"
module() {
	printf -- '---\nid: %s\nstage: PDO\ntitle: T\nlang: en\nreview_by: 2026-01-01\nstatus: reviewed\nreviewed: {on: 2026-01-01, by: fixture}\nsources: [S]\n---\nBody.\n' "$1"
}
module newline >"$1/content/pdo/new
line.md"
module escape >"$1/content/pdo/$(printf '\033]0;pwned\007').md"
module nonchar >"$1/content/pdo/x$(printf '\357\277\276').md"
module xml >"$1/content/pdo/a<b&c.md"
