# A 100 KB fact used 50 times in one body: 5 MB once substituted, past the
# 4 MiB a module may grow to. One error, at the first use of the fact.
cp -R "$CASE/root/." "$1/"
mkdir -p "$1/corridors" "$1/content/pdo"
big=$(head -c 102400 /dev/zero | tr '\0' 'a')
cat > "$1/corridors/kg-ru.yaml" <<YAML
id: kg-ru
origin: KG
destination: RU
title: { en: "Kyrgyzstan to Russia" }
languages: [en]
audiences: [general]
facts:
  small: "ok"
  big: "$big"
contacts:
  - name: Center for Employment Abroad
    side: origin
    url: https://migrant.kg
  - name: Example destination office
    side: destination
    url: https://example.org
YAML
{
	printf -- '---\nid: bomb\nstage: PDO\ntitle: Bomb\nlang: en\nreview_by: 2027-06-30\nstatus: reviewed\nreviewed: {on: 2026-01-01, by: fixture}\nsources: ["x"]\n---\n'
	printf 'Small {{small}}.\n\n'
	i=0
	while [ $i -lt 50 ]; do printf '{{big}} '; i=$((i + 1)); done
	printf '\n'
} > "$1/content/pdo/bomb.md"
