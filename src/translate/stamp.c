/* stamp.c: `safar translate stamp`: record in each translation the source
 * version it renders, editing only its translation_of line. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "safar/fsio.h"
#include "safar/translate.h"
#include "editint.h"

const char *tr_stamp_line(sf_arena *a, const char *lang, const sf_stamp *s)
{
	return sf_printf(a, "translation_of: { lang: %s, hash: \"%s\", units: \"%s\" }", lang, s->hash,
			 s->units);
}

/* Writes the edits into path (which held text); 0, 1 when changed, -1 reported. */
int tr_write(const char *path, const char *text, size_t len, sf_edit *e, size_t n, sf_sink *sink)
{
	size_t out_len;
	char *out = sf_apply_edits(text, len, e, n, &out_len);
	int changed = 0;
	int r = sf_write_if_changed(path, out, out_len, &changed);
	free(out);
	if (r != 0) {
		sf_emit(sink, SF_D_IO, (sf_loc){ path, 0, 0 }, "cannot write: %s", strerror(errno));
		return -1;
	}
	return changed;
}

static int stamp_one(sf_arena *a, const sf_translations *tr, const sf_module *m, const char *from,
		     sf_sink *sink)
{
	const char *lang = m->translation_of ? m->translation_of->lang : from;
	const sf_module *s = sf_translation_source(tr, m, lang);
	if (!s) {
		sf_emit(sink, SF_D_TRANSLATION_SOURCE, m->translation_of ? m->translation_of->loc : m->loc,
			"%s has no source in %s: no module there has id %s, the same stage, merge and when; "
			"nothing stamped", m->path, lang, m->id ? m->id : "?");
		return -1;
	}
	sf_unit *u;
	size_t n = sf_units(a, s, &u);
	sf_stamp st;
	sf_stamp_of(a, u, n, &st);
	char *text;
	size_t len;
	int err;
	if (sf_read_file(a, m->path, 1 << 20, &text, &len, &err) != SF_READ_OK) {
		sf_emit(sink, SF_D_IO, (sf_loc){ m->path, 0, 0 }, "cannot read: %s", strerror(err));
		return -1;
	}
	sf_edit e;
	if (sf_edit_top_entry(text, len, "translation_of", "lang", tr_stamp_line(a, lang, &st), &e, a) != 0) {
		sf_emit(sink, SF_D_FRONT_MATTER, (sf_loc){ m->path, 1, 1 }, "no front matter to stamp");
		return -1;
	}
	return tr_write(m->path, text, len, &e, 1, sink);
}

int sf_translate_stamp(const sf_root *root, const char *const *files, size_t nfiles,
		       const char *from, sf_sink *sink, int *changed)
{
	sf_arena *a = sf_arena_new();
	sf_translations *tr = sf_translations_new(root, a);
	int bad = 0;
	*changed = 0;
	if (nfiles == 0) {
		for (size_t i = 0; i < root->nmodules; i++) {
			const sf_module *m = &root->modules[i];
			if (!m->translation_of &&
			    (!from || !m->lang || strcmp(m->lang, from) == 0 || !sf_translation_source(tr, m, from)))
				continue;
			int r = stamp_one(a, tr, m, from, sink);
			bad |= r < 0;
			*changed += r > 0;
		}
	}
	for (size_t f = 0; f < nfiles; f++) {
		char *want = sf_abspath(files[f]);
		const sf_module *m = NULL;
		for (size_t i = 0; want && i < root->nmodules && !m; i++) {
			char *p = sf_abspath(root->modules[i].path);
			if (p && strcmp(p, want) == 0)
				m = &root->modules[i];
			free(p);
		}
		free(want);
		if (!m) {
			sf_emit(sink, SF_D_IO, (sf_loc){ files[f], 0, 0 },
				"not a module of the content root %s (or it does not load)", root->dir);
			bad = 1;
			continue;
		}
		if (!m->translation_of && !from) {
			sf_emit(sink, SF_D_TRANSLATION_SOURCE, m->loc,
				"%s has no translation_of: name its source language with --from L", m->path);
			bad = 1;
			continue;
		}
		int r = stamp_one(a, tr, m, from, sink);
		bad |= r < 0;
		*changed += r > 0;
	}
	sf_arena_free(a);
	return bad ? -1 : 0;
}
