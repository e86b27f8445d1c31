# A value holding ': ' unquoted: libyaml's words, then the line rewritten
# with the value in quotes (a key's value; a list item whole; columns
# counted in characters on a Cyrillic line; a CRLF file).
cp -R "$CASE/../yaml-syntax-module/root/." "$1/"
rm "$1/content/pdo/syntax.md"
head='---
id: step
stage: PDO
lang: en
review_by: 2027-06-30
status: reviewed'
cat > "$1/content/pdo/a.md" <<MD
$head
title: Step 1: sign the contract
sources: ["x"]
---
Body.
MD
cat > "$1/content/pdo/b.md" <<MD
$head
title: Steps
sources:
  - Step 1: sign: now
---
Body.
MD
cat > "$1/content/pdo/c.md" <<MD
$head
title: Шаг 1: подпись # the first step
sources: ["x"]
---
Body.
MD
printf -- '---\r\nid: step\r\nstage: PDO\r\ntitle: "Steps"\r\nlang: en\r\nsms: Call: 112\r\n---\r\nBody.\r\n' > "$1/content/pdo/d.md"
