# The fixture's files, copied: `build` must never write into the source tree.
cp -R "$CASE/root/." "$1/"
