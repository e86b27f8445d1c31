# safar dump over the resolution fixture: one edition per rule of
# docs/resolution.md (match, language per topic, specificity, base and stack,
# rules, facts, order), read as the tree the rules engine decided.
cp -R "$CASE/../../fixtures/resolve/basic/." "$1/"
