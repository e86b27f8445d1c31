# The render fixture root.
cp -R "$CASE/../../fixtures/render/." "$1/"
