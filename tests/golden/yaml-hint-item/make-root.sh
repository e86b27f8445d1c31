# A list item out of line with the one before it: both columns named.
cp -R "$CASE/../yaml-syntax-module/root/." "$1/"
rm "$1/content/pdo/syntax.md"
cat > "$1/content/pdo/a.md" <<'MD'
---
id: items
stage: PDO
title: Items
lang: en
review_by: 2027-06-30
status: reviewed
reviewed: {on: 2026-01-01, by: fixture}
sources:
  - "first source"
 - "second source"
---
Body.
MD
cat > "$1/corridors/kg-ru.yaml" <<'YAML'
id: kg-ru
origin: KG
destination: RU
title: { en: "Kyrgyzstan to Russia" }
languages: [en]
contacts:
  - name: Center for Employment Abroad
    side: origin

    url: https://migrant.kg
   - name: Example destination office
    side: destination
YAML
