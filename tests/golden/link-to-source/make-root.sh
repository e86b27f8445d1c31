# A module that links to its own source ([see](#src-1)) and to a source the
# edition does not have (#src-9): the first is an anchor the handbook prints,
# the second is dead. The anchors come from the edition, as the handbook's do.
cp -R "$CASE/../../fixtures/render/." "$1/"
printf '\nSee [the source](#src-1), not [this one](#src-9).\n' >>"$1/content/pdo/contract/general.en.md"
