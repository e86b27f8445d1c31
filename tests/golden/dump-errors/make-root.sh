# safar dump where resolution fails: an ambiguous topic and a topic with only
# append modules are left out, and the dump says why a required one is not there.
cp -R "$CASE/../../fixtures/resolve/errors/." "$1/"
