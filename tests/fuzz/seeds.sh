#!/bin/sh
# seeds.sh: fills OUT/<target>/ with seeds from the repository, one folder per fuzz target.
# Usage: sh tests/fuzz/seeds.sh OUT   (run from the top of the repository)
# Each seed is named by its SHA-1, so a file met twice is one seed. The
# pipeline target's seeds are whole content roots in the container format of
# tests/fuzz/common.c: a line "==> PATH <==" before each file.
set -eu
out=$1
for t in config corridor module rules i18n pipeline; do
	mkdir -p "$out/$t"
done

# seed TARGET: stdin becomes one seed of TARGET.
seed() {
	tmp=$out/$1/.new
	cat >"$tmp"
	mv "$tmp" "$out/$1/$(sha1sum <"$tmp" | cut -c1-40)"
}

# The roots the tests keep.
roots=$(ls -d tests/golden/*/root tests/fixtures/render tests/fixtures/build tests/fixtures/resolve/*)

# kind PATTERN TARGET: every regular file matching PATTERN in the test roots
# and the bundled content.
kind() {
	{
		for r in $roots; do
			find "$r" -path "$r/$1" -type f
		done
		find safar.yaml corridors content i18n -path "$1" -type f
	} | while read -r f; do seed "$2" <"$f"; done
}
kind safar.yaml config
kind 'corridors/*.yaml' corridor
kind 'content/*.md' module
kind rules.yaml rules
kind 'i18n/*.yaml' i18n

# container FILE...: the files as one root (paths relative to the current
# folder), each ending in a newline so the next marker starts a line.
container() {
	for f in "$@"; do
		printf '==> %s <==\n' "$f"
		cat "$f"
		[ -z "$(tail -c1 "$f")" ] || echo
	done
}

for r in $roots; do
	(cd "$r" && container $(find . -type f | sed 's|^\./||' | sort)) | seed pipeline
done

# The bundled content is too big for one input: a root per topic, its
# English and Russian modules with one corridor (taken in turn) and the
# settings and strings they need.
set -- corridors/*.yaml
for topic in content/*/*/; do
	c=$1
	shift
	[ $# -gt 0 ] || set -- corridors/*.yaml
	container safar.yaml "$c" i18n/en.yaml i18n/ru.yaml "$topic"*.en.md "$topic"*.ru.md | seed pipeline
done 2>/dev/null # a topic without Russian modules: cat says so, and that is fine

for t in config corridor module rules i18n pipeline; do
	printf '%s: %s seeds\n' "$t" "$(ls "$out/$t" | wc -l)"
done
