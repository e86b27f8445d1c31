# fact-missing-corridor's root, plus kg-kz: it has a facts: key and a rule
# gives it emergency_number, so it lacks one fact, reported at facts:.
cp -R "$CASE/../fact-missing-corridor/root/." "$1/"
cat > "$1/corridors/kg-kz.yaml" <<'YAML'
id: kg-kz
origin: KG
destination: KZ
title: { en: "Kyrgyzstan to Kazakhstan", ru: "Из Кыргызстана в Казахстан" }
languages: [ru, en]
audiences: [women]
facts:
  registration_days: "10"
contacts:
  - name: Origin office (fictional test data)
    side: origin
    url: https://example.org/origin
  - name: Destination office (fictional test data)
    side: destination
    url: https://example.org/destination
YAML
cat > "$1/rules.yaml" <<'YAML'
- when: { destination: [KZ] }
  facts:
    emergency_number: "102"
YAML
