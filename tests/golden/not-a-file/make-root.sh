# Things named like content that are not regular files: each reported, none
# opened (a FIFO would block for ever), none silently skipped.
cp -R "$CASE/root/." "$1/"
mkdir -p "$1/i18n"
mkfifo "$1/rules.yaml" "$1/corridors/kg-kz.yaml" "$1/i18n/ky.yaml" "$1/content/pdo/fifo.md"
mkfifo "$1/corridors/notes" "$1/content/pdo/notes"
mkdir -p "$1/content/pdo/folder.md"
printf 'not a module: a folder named like one is not walked\n' >"$1/content/pdo/folder.md/inner.md"
