# Names no corridor and no rule defines are the module's typos: one error at
# each place, with a suggestion when one is near, whatever the corridors.
cp -R "$CASE/../fact-missing-corridor/root/." "$1/"
rm "$1/corridors/kg-tr.yaml"
cat > "$1/content/pao/registration/general.en.md" <<'MD'
---
id: registration
stage: PAO
title: registration en
lang: en
review_by: 2027-06-30
status: reviewed
reviewed: {on: 2026-01-01, by: fixture}
sources: ["test fixture"]
sms: "Register within {{registraton_days}} days."
checklist: ["Keep {{zzz_unknown}} safe"]
---
Register with the police.

You have {{ registraton_days }} days to do it.
MD
