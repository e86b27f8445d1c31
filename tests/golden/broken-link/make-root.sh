# A module that is a dangling link, and one that cannot be read (a FIFO is not text).
cp -R "$CASE/root/." "$1/"
ln -s missing.md "$1/content/pdo/gone.md"
