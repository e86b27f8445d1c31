# A module copied by mistake: one ambiguity error, and the required topic is
# not also reported missing from every edition it left out.
cp -R "$CASE/../../fixtures/render/." "$1/"
cp "$1/content/pdo/contract/general.en.md" "$1/content/pdo/contract/copy.en.md"
