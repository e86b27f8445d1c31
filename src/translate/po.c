/* po.c: the translator's round trip through gettext PO files, read and
 * written by libgettextpo (docs/decisions.md, "Translations in PO files"). */
#include <dirent.h>
#include <errno.h>
#include <gettext-po.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safar/buf.h"
#include "safar/fsio.h"
#include "safar/translate.h"
#include "editint.h"

const char *tr_stamp_line(sf_arena *a, const char *lang, const sf_stamp *s);
int tr_write(const char *path, const char *text, size_t len, sf_edit *e, size_t n, sf_sink *sink);

/* libgettextpo reports through callbacks; they reach the sink through this
 * (the translate commands are single-threaded). */
static sf_sink *po_sink;

static void xerror(int severity, po_message_t message, const char *filename, size_t lineno,
		   size_t column, int multiline_p, const char *text)
{
	(void)message, (void)multiline_p;
	sf_loc at = { filename ? filename : "<po>", lineno == (size_t)-1 ? 0 : (int)lineno,
		      column == (size_t)-1 ? 0 : (int)column };
	if (severity == PO_SEVERITY_FATAL_ERROR) {
		/* libgettextpo wants no return from here. */
		fprintf(stderr, "%s:%d: error: %s\n", at.path, at.line, text);
		exit(3);
	}
	sf_emit(po_sink, severity == PO_SEVERITY_WARNING ? SF_D_PO_WARNING : SF_D_PO, at, "%s", text);
}

static void xerror2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1, int ml1,
		    const char *t1, po_message_t m2, const char *f2, size_t l2, size_t c2, int ml2,
		    const char *t2)
{
	(void)m2, (void)f2, (void)l2, (void)c2, (void)ml2;
	char *both = malloc(strlen(t1) + strlen(t2) + 2);
	if (!both)
		abort();
	sprintf(both, "%s %s", t1, t2);
	xerror(severity == PO_SEVERITY_FATAL_ERROR ? PO_SEVERITY_ERROR : severity, m1, f1, l1, c1, ml1, both);
	free(both);
	if (severity == PO_SEVERITY_FATAL_ERROR)
		exit(3);
}

static const struct po_xerror_handler handler = { xerror, xerror2 };

/* path relative to the root */
static const char *rel_of(const sf_root *root, const char *path)
{
	size_t n = strlen(root->dir);
	if (strcmp(root->dir, ".") != 0 && strncmp(path, root->dir, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

/* Where the translation of s into lang lives: its file when it has one, else
 * s's name with its language part (".en.md") changed, or ".<lang>" added. */
static const char *translation_path(sf_arena *a, const sf_module *s, const sf_module *t,
				    const char *lang)
{
	if (t)
		return t->path;
	size_t n = strlen(s->path), ln = strlen(s->lang);
	if (n > ln + 4 && s->path[n - ln - 4] == '.' && strncmp(s->path + n - ln - 3, s->lang, ln) == 0 &&
	    strcmp(s->path + n - 3, ".md") == 0)
		return sf_printf(a, "%.*s.%s.md", (int)(n - ln - 4), s->path, lang);
	return sf_printf(a, "%.*s.%s.md", (int)(n - 3), s->path, lang);
}

static const sf_unit *find_unit(const sf_unit *u, size_t n, const sf_unit *like)
{
	for (size_t i = 0; i < n; i++)
		if (u[i].kind == like->kind && u[i].n == like->n && u[i].k == like->k)
			return &u[i];
	return NULL;
}

static int write_po(po_file_t f, const char *path, sf_sink *sink, int *changed)
{
	char *dir = strdup(path);
	if (!dir)
		abort();
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	if (slash && sf_mkdirs(dir) != 0) {
		sf_emit(sink, SF_D_IO, (sf_loc){ dir, 0, 0 }, "cannot create: %s", strerror(errno));
		free(dir);
		return -1;
	}
	free(dir);
	char tmp[4096];
	int fd = sf_tmp_open(path, tmp, sizeof tmp);
	if (fd < 0) {
		sf_emit(sink, SF_D_IO, (sf_loc){ path, 0, 0 }, "cannot write: %s", strerror(errno));
		return -1;
	}
	close(fd);
	po_file_write(f, tmp, &handler);
	if (sf_tmp_commit_if_changed(tmp, path, changed) != 0) {
		sf_emit(sink, SF_D_IO, (sf_loc){ path, 0, 0 }, "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int sf_translate_export(const sf_root *root, const char *from, const char *lang,
			const char *dir, sf_sink *sink, size_t *nfiles, size_t *nchanged)
{
	po_sink = sink;
	sf_arena *a = sf_arena_new();
	sf_translations *tr = sf_translations_new(root, a);
	int bad = 0;
	*nfiles = *nchanged = 0;
	for (size_t i = 0; i < root->nmodules; i++) {
		const sf_module *s = &root->modules[i];
		if (!s->lang || strcmp(s->lang, from) != 0 || !s->id)
			continue;
		const sf_module *t = sf_translation_in(tr, s, lang);
		sf_unit *su, *tu = NULL;
		size_t ns = sf_units(a, s, &su), nt = t ? sf_units(a, t, &tu) : 0;
		const char *tpath = translation_path(a, s, t, lang);
		po_file_t f = po_file_create();
		po_message_iterator_t it = po_message_iterator(f, NULL);
		sf_buf h = { 0 };
		sf_buf_printf(&h, "Project-Id-Version: safar\nPO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
			      "Last-Translator: FULL NAME <EMAIL@ADDRESS>\nLanguage-Team: none\n"
			      "Language: %s\nMIME-Version: 1.0\n"
			      "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
			      "X-Safar-Source: %s\nX-Safar-Translation: %s\n",
			      lang, rel_of(root, s->path), rel_of(root, tpath));
		po_message_t m = po_message_create();
		po_message_set_msgid(m, "");
		po_message_set_msgstr(m, h.data);
		po_message_insert(it, m);
		sf_buf_free(&h);
		for (size_t k = 0; k < ns; k++) {
			if (su[k].len == 0)
				continue;
			const sf_unit *tv = t ? find_unit(tu, nt, &su[k]) : NULL;
			m = po_message_create();
			po_message_set_msgctxt(m, sf_printf(a, "%s %s", s->id, sf_unit_key(a, &su[k])));
			po_message_set_extracted_comments(m, sf_unit_name(a, &su[k]));
			po_message_set_msgid(m, su[k].text);
			po_message_set_msgstr(m, tv ? tv->text : "");
			if (tv && tv->len && sf_unit_stale(tr, t, &su[k]))
				po_message_set_fuzzy(m, 1);
			po_message_insert(it, m);
		}
		po_message_iterator_free(it);
		const char *r = rel_of(root, tpath);
		if (strncmp(r, "content/", 8) == 0)
			r += 8;
		const char *out = sf_printf(a, "%s/%.*s.po", dir, (int)strlen(r) - 3, r);
		int changed = 0;
		if (write_po(f, out, sink, &changed) != 0)
			bad = 1;
		else
			(*nfiles)++, *nchanged += changed;
		po_file_free(f);
	}
	sf_arena_free(a);
	return bad ? -1 : 0;
}

/* --- import ----------------------------------------------------------------- */

typedef struct entry {
	const char *key, *msgid, *msgstr;
	int fuzzy;
} entry;

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void walk_po(sf_arena *a, const char *dir, const char ***v, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	const char **names = NULL;
	size_t nn = 0, nc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			*SF_PUSH(a, names, nn, nc) = sf_strdup(a, e->d_name);
	closedir(d);
	if (nn)
		qsort(names, nn, sizeof *names, cmp_str);
	for (size_t i = 0; i < nn; i++) {
		const char *p = sf_printf(a, "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(p, &st) != 0)
			continue;
		size_t l = strlen(p);
		if (S_ISDIR(st.st_mode))
			walk_po(a, p, v, n, cap);
		else if (S_ISREG(st.st_mode) && l > 3 && strcmp(p + l - 3, ".po") == 0)
			*SF_PUSH(a, *v, *n, *cap) = p;
	}
}

static const sf_module *module_at(const sf_root *root, const char *rel)
{
	for (size_t i = 0; i < root->nmodules; i++)
		if (strcmp(rel_of(root, root->modules[i].path), rel) == 0)
			return &root->modules[i];
	return NULL;
}

/* The span of unit u (of module m, whose file is text) and the text to
 * write there; 0, or -1 when it cannot be found. */
static int unit_edit(sf_arena *a, const char *text, size_t len, const sf_module *m, const sf_unit *u,
		     const char *with, sf_edit *out)
{
	size_t fm, close, body, s, e;
	if (ed_front_matter(text, len, &fm, &close, &body) != 0)
		return -1;
	if (u->kind == SF_U_PARA) {
		/* cmark counts the body's lines and byte columns. */
		size_t p = body;
		for (int l = 1; l < u->bline && p < len; l++) {
			const char *nl = memchr(text + p, '\n', len - p);
			p = nl ? (size_t)(nl - text) + 1 : len;
		}
		s = p + (size_t)(u->bcol - 1);
		p = body;
		for (int l = 1; l < u->eline && p < len; l++) {
			const char *nl = memchr(text + p, '\n', len - p);
			p = nl ? (size_t)(nl - text) + 1 : len;
		}
		e = p + (size_t)u->ecol;
		if (e > len)
			e = len;
		while (e > s && strchr(" \t\r\n", text[e - 1]))
			e--;
		sf_buf b = { 0 };
		for (const char *c = with; *c; c++) {
			sf_buf_putc(&b, *c);
			if (*c == '\n')
				for (int k = 1; k < u->bcol; k++)
					sf_buf_putc(&b, ' ');
		}
		*out = (sf_edit){ s, e, sf_strndup(a, b.data ? b.data : "", b.len) };
		sf_buf_free(&b);
		return 0;
	}
	long v = -1;
	if (u->kind == SF_U_TITLE || u->kind == SF_U_NOTES) {
		const char *key = u->kind == SF_U_TITLE ? "title" : "trainer_notes";
		if (ed_top_entry(text, len, key, &s, &e) != 0)
			return -1;
		v = (long)(s + strlen(key) + 1);
		while ((size_t)v < len && text[v] == ' ')
			v++;
	} else if (u->kind == SF_U_QUIZ) {
		v = ed_map_value(text, len, ed_offset(text, len, u->loc.line, u->loc.col), "q");
	} else {
		v = (long)ed_offset(text, len, u->loc.line, u->loc.col);
	}
	(void)m;
	ed_span sp;
	if (v < 0 || ed_scalar(text, len, (size_t)v, &sp) != 0)
		return -1;
	*out = (sf_edit){ sp.off, sp.end, ed_scalar_text(a, &sp, with) };
	return 0;
}

static int import_one(sf_arena *a, const sf_root *root, sf_translations *tr, const char *po,
		      sf_sink *sink)
{
	po_file_t f = po_file_read(po, &handler);
	if (!f)
		return -1;
	/* The header entry (msgid ""), read as it is: po_file_domain_header
	 * may hand back a copy that nothing frees. */
	const char *header = NULL;
	po_message_iterator_t hi = po_message_iterator(f, NULL);
	for (po_message_t hm; !header && (hm = po_next_message(hi)) != NULL;)
		if (!po_message_is_obsolete(hm) && !po_message_msgctxt(hm) && !*po_message_msgid(hm))
			header = po_message_msgstr(hm);
	po_message_iterator_free(hi);
	char *src = header ? po_header_field(header, "X-Safar-Source") : NULL;
	char *lang = header ? po_header_field(header, "Language") : NULL;
	int r = 0;
	const sf_module *s = src ? module_at(root, src) : NULL;
	if (!s || !lang || !*lang) {
		sf_emit(sink, SF_D_PO, (sf_loc){ po, 0, 0 },
			src ? "X-Safar-Source names %s, which is not a module of %s" :
			      "no X-Safar-Source and Language in the header: not a file `safar translate export` wrote%s%s",
			src ? src : "", src ? root->dir : "");
		r = -1;
		goto done;
	}
	const sf_module *t = sf_translation_in(tr, s, lang);
	entry *ent = NULL;
	size_t ne = 0, cap = 0;
	po_message_iterator_t it = po_message_iterator(f, NULL);
	po_message_t m;
	size_t idl = strlen(s->id);
	while ((m = po_next_message(it)) != NULL) {
		const char *ctx = po_message_msgctxt(m);
		if (po_message_is_obsolete(m) || !ctx || strncmp(ctx, s->id, idl) != 0 || ctx[idl] != ' ')
			continue;
		entry *e = SF_PUSH(a, ent, ne, cap);
		e->key = sf_strdup(a, ctx + idl + 1);
		e->msgid = sf_strdup(a, po_message_msgid(m));
		e->msgstr = sf_strdup(a, po_message_msgstr(m));
		e->fuzzy = po_message_is_fuzzy(m);
	}
	po_message_iterator_free(it);

	sf_unit *su, *tu = NULL;
	size_t ns = sf_units(a, s, &su), nt = t ? sf_units(a, t, &tu) : 0;
	const char **known = sf_alloc_array(a, ns + 1, sizeof *known);
	const char **take = sf_alloc_array(a, ns + 1, sizeof *take);
	size_t missing = 0;
	for (size_t k = 0; k < ns; k++) {
		const char *key = sf_unit_key(a, &su[k]);
		const entry *e = NULL;
		for (size_t j = 0; j < ne && !e; j++)
			if (strcmp(ent[j].key, key) == 0)
				e = &ent[j];
		if (e && !e->fuzzy && *e->msgstr) {
			known[k] = e->msgid;
			take[k] = e->msgstr;
		} else if (su[k].len) {
			missing++;
		} else {
			known[k] = "";
		}
	}
	/* The file edited: the translation's, or for a new one the source's. */
	const sf_module *base = t ? t : s;
	const sf_unit *bu = t ? tu : su;
	size_t nb = t ? nt : ns;
	if (!t && missing == ns)
		goto done; /* nothing translated yet */
	if (!t && missing) {
		sf_emit(sink, SF_D_PO_WARNING, (sf_loc){ po, 0, 0 },
			"%zu entr%s untranslated or fuzzy: no %s module is written for %s until all are done",
			missing, missing == 1 ? "y is" : "ies are", lang, s->path);
		goto done;
	}
	char *text;
	size_t len;
	int err;
	if (sf_read_file(a, base->path, 1 << 20, &text, &len, &err) != SF_READ_OK) {
		sf_emit(sink, SF_D_IO, (sf_loc){ base->path, 0, 0 }, "cannot read: %s", strerror(err));
		r = -1;
		goto done;
	}
	sf_edit *ed = NULL;
	size_t ned = 0, ecap = 0;
	for (size_t k = 0; k < ns; k++) {
		if (!take[k])
			continue;
		const sf_unit *b = find_unit(bu, nb, &su[k]);
		if (t && b && strcmp(b->text, take[k]) == 0)
			continue;
		if (!b && su[k].kind == SF_U_PARA) {
			/* A paragraph the translation does not have yet: at the end. */
			size_t at = len;
			const char *sep = len && text[len - 1] == '\n' ? "\n" : "\n\n";
			*SF_PUSH(a, ed, ned, ecap) = (sf_edit){ at, at, sf_printf(a, "%s%s\n", sep, take[k]) };
			continue;
		}
		sf_edit e;
		if (!b || unit_edit(a, text, len, base, b, take[k], &e) != 0) {
			sf_emit(sink, SF_D_PO_WARNING, (sf_loc){ po, 0, 0 },
				"%s: %s has no place in %s to write it; add it by hand",
				sf_printf(a, "%s %s", s->id, sf_unit_key(a, &su[k])),
				sf_unit_name(a, &su[k]), base->path);
			continue;
		}
		*SF_PUSH(a, ed, ned, ecap) = e;
	}
	if (ned == 0)
		goto done; /* untouched: the module stays as it is, byte for byte */
	sf_stamp st;
	sf_stamp_partial(a, su, ns, known, t && t->translation_of ? t->translation_of->hash : NULL, &st);
	sf_edit e;
	if (sf_edit_top_entry(text, len, "status", "review_by", "status: draft", &e, a) == 0)
		*SF_PUSH(a, ed, ned, ecap) = e;
	if (!t && sf_edit_top_entry(text, len, "lang", NULL, sf_printf(a, "lang: %s", lang), &e, a) == 0)
		*SF_PUSH(a, ed, ned, ecap) = e;
	if (sf_edit_top_entry(text, len, "translation_of", "lang", tr_stamp_line(a, s->lang, &st), &e, a) == 0)
		*SF_PUSH(a, ed, ned, ecap) = e;
	const char *out = t ? t->path : translation_path(a, s, NULL, lang);
	int w = tr_write(out, text, len, ed, ned, sink);
	r = w < 0 ? -1 : w;
done:
	free(src);
	free(lang);
	po_file_free(f);
	return r;
}

int sf_translate_import(const sf_root *root, const char *dir, sf_sink *sink, size_t *nfiles,
			size_t *nchanged)
{
	po_sink = sink;
	sf_arena *a = sf_arena_new();
	sf_translations *tr = sf_translations_new(root, a);
	const char **files = NULL;
	size_t n = 0, cap = 0;
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		sf_emit(sink, SF_D_IO, (sf_loc){ dir, 0, 0 }, "cannot read the PO folder: %s",
			errno ? strerror(errno) : "not a directory");
		sf_arena_free(a);
		return -1;
	}
	walk_po(a, dir, &files, &n, &cap);
	int bad = 0;
	*nfiles = n;
	*nchanged = 0;
	for (size_t i = 0; i < n; i++) {
		int r = import_one(a, root, tr, files[i], sink);
		bad |= r < 0;
		*nchanged += r > 0;
	}
	sf_arena_free(a);
	return bad ? -1 : 0;
}
