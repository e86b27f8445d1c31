# A module whose file name is Latin-1, not UTF-8: reported, the rest loads.
cp -R "$CASE/root/." "$1/"
printf -- '---\nid: x\n---\n' > "$1/content/pdo/caf$(printf '\351').md"
