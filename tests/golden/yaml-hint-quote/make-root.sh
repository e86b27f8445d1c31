# Quotes: one never closed (the file ends inside it), one inside a value
# that ends it early (double and single). A quote that closes only lines
# later is yaml-syntax-module.
cp -R "$CASE/../yaml-syntax-module/root/." "$1/"
rm "$1/content/pdo/syntax.md"
head='---
id: quotes
stage: PDO
lang: en
review_by: 2027-06-30
status: reviewed'
cat > "$1/content/pdo/a.md" <<MD
$head
title: "He said "sign" and left"
sources: ["x"]
---
Body.
MD
cat > "$1/content/pdo/b.md" <<MD
$head
title: 'Don't sign'
sources: ["x"]
---
Body.
MD
cat > "$1/corridors/kg-ru.yaml" <<'YAML'
id: kg-ru
origin: KG
destination: RU
languages: [en]
title: { en: "Kyrgyzstan to Russia }
YAML
