# The rules-engine fixture root.
cp -R "$CASE/../../fixtures/resolve/basic/." "$1/"
