# A directory link back up the tree: walked once, reported, never followed forever.
cp -R "$CASE/root/." "$1/"
ln -s .. "$1/content/pdo/up"
ln -s self "$1/content/self"
