# check-sms-too-long's root: English SMS texts with Russian sentences in them,
# whose parts are sent each in its own encoding.
cp -R "$CASE/../check-sms-too-long/root/." "$1/"
