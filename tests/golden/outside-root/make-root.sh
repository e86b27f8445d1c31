# Links out of the content root are reported by their own names and never
# followed: not a file (whose first line --verbose would quote), not a device,
# not the whole disk. A link that stays inside the root is followed.
cp -R "$CASE/root/." "$1/"
mkdir -p "$1/i18n"
ln -s /etc/passwd "$1/content/pdo/passwd.md"
ln -s /dev/zero "$1/content/pdo/zero.md"
ln -s / "$1/content/disk"
ln -s /etc/passwd "$1/corridors/kg-kz.yaml"
ln -s /dev/null "$1/i18n/ky.yaml"
ln -s /etc/passwd "$1/rules.yaml"
ln -s ../../shared/linked-inside.en.md "$1/content/pdo/linked-inside.en.md"
