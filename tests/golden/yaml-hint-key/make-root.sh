# A key without ':', a ':' without a space, a value starting with a
# character YAML reserves.
cp -R "$CASE/../yaml-syntax-module/root/." "$1/"
rm "$1/content/pdo/syntax.md"
head='---
id: keys
stage: PDO
lang: en
review_by: 2027-06-30'
cat > "$1/content/pdo/a.md" <<MD
$head
title Your contract
status: reviewed
reviewed: {on: 2026-01-01, by: fixture}
---
Body.
MD
cat > "$1/content/pdo/b.md" <<MD
$head
title:Your contract
status: reviewed
reviewed: {on: 2026-01-01, by: fixture}
---
Body.
MD
cat > "$1/content/pdo/c.md" <<MD
$head
title: @employer's rules
status: reviewed
reviewed: {on: 2026-01-01, by: fixture}
---
Body.
MD
