# safar.yaml as a FIFO is reported, not read (reading it would block for
# ever); the defaults stand, so the default required topics are missing.
cp -R "$CASE/root/." "$1/"
mkfifo "$1/safar.yaml"
