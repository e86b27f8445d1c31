# A module of 1 MiB + 1 byte: refused before it is read into memory.
cp -R "$CASE/root/." "$1/"
{ printf -- '---\nid: big\n---\n'; head -c 1048576 /dev/zero | tr '\0' 'a'; } > "$1/content/pdo/big.md"
