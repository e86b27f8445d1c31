/* state.c: which module a translation renders, and whether it is current. */
#include <stdlib.h>
#include <string.h>

#include "safar/buf.h"
#include "safar/strmap.h"
#include "safar/translate.h"

struct sf_translations {
	const sf_root *root;
	sf_arena *a;
	sf_strmap *by_key;  /* "lang\x1fid\x1fstage\x1fmerge\x1fwhen" -> module */
	int *state;         /* per module */
	sf_stamp **current; /* per module: its stamp now (sources only; lazily) */
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The source of a translation is the module in translation_of.lang with the
 * same id, stage, merge and `when` (the same keys, the same values in any
 * order): the one it renders for the same readers (docs/content-format.md). */
static const char *key_of(sf_arena *a, const sf_module *m, const char *lang)
{
	sf_buf b = { 0 };
	sf_buf_printf(&b, "%s\x1f%s\x1f%d\x1f%d", lang, m->id ? m->id : "", m->stage, m->merge);
	for (int k = 0; k < SF_NWHEN; k++) {
		if (!(m->when.present & (1u << k)))
			continue;
		const sf_strv *v = &m->when.key[k];
		const char **s = sf_alloc_array(a, v->n + 1, sizeof *s);
		memcpy(s, v->v, v->n * sizeof *s);
		qsort(s, v->n, sizeof *s, cmp_str);
		sf_buf_printf(&b, "\x1f%d=", k);
		for (size_t i = 0; i < v->n; i++)
			sf_buf_printf(&b, "%s%s", i ? "," : "", s[i]);
	}
	const char *r = sf_strndup(a, b.data, b.len);
	sf_buf_free(&b);
	return r;
}

static size_t index_of(const sf_translations *t, const sf_module *m)
{
	return (size_t)(m - t->root->modules);
}

const sf_module *sf_translation_source(const sf_translations *t, const sf_module *m, const char *lang)
{
	if (!lang && m->translation_of)
		lang = m->translation_of->lang;
	if (!lang || !m->id || (m->lang && strcmp(lang, m->lang) == 0))
		return NULL;
	const char *k = key_of(t->a, m, lang);
	return sf_strmap_get(t->by_key, k, strlen(k));
}

const sf_module *sf_translation_in(const sf_translations *t, const sf_module *s, const char *lang)
{
	return sf_translation_source(t, s, lang);
}

static const sf_stamp *current(const sf_translations *t, const sf_module *s)
{
	size_t i = index_of(t, s);
	if (!t->current[i]) {
		sf_unit *u;
		size_t n = sf_units(t->a, s, &u);
		t->current[i] = sf_alloc(t->a, sizeof *t->current[i]);
		sf_stamp_of(t->a, u, n, t->current[i]);
	}
	return t->current[i];
}

sf_translations *sf_translations_new(const sf_root *root, sf_arena *a)
{
	sf_translations *t = sf_alloc(a, sizeof *t);
	t->root = root;
	t->a = a;
	t->by_key = sf_strmap_new(a, root->nmodules);
	t->state = sf_alloc_array(a, root->nmodules + 1, sizeof *t->state);
	t->current = sf_alloc_array(a, root->nmodules + 1, sizeof *t->current);
	for (size_t i = 0; i < root->nmodules; i++) {
		const sf_module *m = &root->modules[i];
		if (!m->id || !m->lang)
			continue;
		const char *k = key_of(a, m, m->lang);
		sf_strmap_put(t->by_key, k, strlen(k), (void *)m);
	}
	for (size_t i = 0; i < root->nmodules; i++) {
		const sf_module *m = &root->modules[i];
		if (!m->translation_of)
			continue;
		const sf_module *s = sf_translation_source(t, m, NULL);
		if (!s)
			t->state[i] = SF_TR_NO_SOURCE;
		else if (!m->translation_of->hash)
			t->state[i] = SF_TR_UNSTAMPED;
		else
			t->state[i] = strcmp(current(t, s)->hash, m->translation_of->hash) == 0
					      ? SF_TR_CURRENT : SF_TR_STALE;
	}
	return t;
}

int sf_translation_state(const sf_translations *t, const sf_module *m)
{
	return t->state[index_of(t, m)];
}

#define SF_NELEM_TOKS 512

/* The tokens of one group of a units string: "p:ab12,cd34" -> {ab12, cd34}. */
typedef struct group {
	const char *tok[SF_NELEM_TOKS];
	size_t n;
	int present;
} group;

static void parse_group(sf_arena *a, const char *units, int g, group *out)
{
	memset(out, 0, sizeof *out);
	for (const char *p = units ? units : ""; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e - p >= 2 && p[0] == g && p[1] == ':') {
			out->present = 1;
			for (const char *q = p + 2; q < e && out->n < SF_NELEM_TOKS;) {
				const char *c = memchr(q, ',', (size_t)(e - q));
				if (!c)
					c = e;
				out->tok[out->n++] = sf_strndup(a, q, (size_t)(c - q));
				q = c + 1;
			}
		}
		p = e;
	}
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, "-") != 0 && strcmp(a, b) == 0;
}

/* Current entries of a list group that the old stamp does not have in the
 * same order (longest common subsequence); *removed: old entries gone. */
static void diff_list(const group *old, const group *cur, unsigned char *changed, size_t *removed)
{
	size_t n = old->n, m = cur->n;
	unsigned short *l = calloc((n + 1) * (m + 1), sizeof *l);
	if (!l)
		abort();
#define L(i, j) l[(i) * (m + 1) + (j)]
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;)
			L(i, j) = same(old->tok[i], cur->tok[j]) ? (unsigned short)(L(i + 1, j + 1) + 1)
				  : L(i + 1, j) > L(i, j + 1) ? L(i + 1, j) : L(i, j + 1);
	size_t i = 0, j = 0, matched = 0;
	for (size_t k = 0; k < m; k++)
		changed[k] = 1;
	while (i < n && j < m) {
		if (same(old->tok[i], cur->tok[j])) {
			changed[j] = 0;
			matched++;
			i++, j++;
		} else if (L(i + 1, j) >= L(i, j + 1)) {
			i++;
		} else {
			j++;
		}
	}
#undef L
	free(l);
	size_t unmatched_cur = m - matched, unmatched_old = n - matched;
	*removed = unmatched_old > unmatched_cur ? unmatched_old - unmatched_cur : 0;
}

static void list_changes(sf_buf *b, sf_arena *a, const char *units_old, const char *units_cur,
			 int g, const char *one, const char *many)
{
	group *old = sf_alloc(a, sizeof *old), *cur = sf_alloc(a, sizeof *cur);
	parse_group(a, units_old, g, old);
	parse_group(a, units_cur, g, cur);
	unsigned char changed[SF_NELEM_TOKS];
	size_t removed = 0, nchanged = 0;
	diff_list(old, cur, changed, &removed);
	for (size_t k = 0; k < cur->n; k++)
		nchanged += changed[k];
	if (nchanged) {
		sf_buf_printf(b, "%s%s ", b->len ? ", " : "", nchanged == 1 ? one : many);
		size_t done = 0;
		for (size_t k = 0; k < cur->n; k++) {
			if (!changed[k])
				continue;
			done++;
			sf_buf_printf(b, "%s%zu", done == 1 ? "" : done == nchanged ? " and " : ", ", k + 1);
		}
	}
	if (removed)
		sf_buf_printf(b, "%s%zu %s removed", b->len ? ", " : "", removed, removed == 1 ? one : many);
}

static void single_change(sf_buf *b, sf_arena *a, const char *units_old, const char *units_cur,
			  int g, const char *name)
{
	group *old = sf_alloc(a, sizeof *old), *cur = sf_alloc(a, sizeof *cur);
	parse_group(a, units_old, g, old);
	parse_group(a, units_cur, g, cur);
	if (!old->n && !cur->n)
		return;
	if (!cur->n)
		sf_buf_printf(b, "%s%s removed", b->len ? ", " : "", name);
	else if (!old->n || !same(old->tok[0], cur->tok[0]))
		sf_buf_printf(b, "%s%s", b->len ? ", " : "", name);
}

const char *sf_translation_changes(const sf_translations *t, const sf_module *m, sf_arena *a)
{
	const sf_module *s = sf_translation_source(t, m, NULL);
	if (!s || !m->translation_of || !m->translation_of->units)
		return "";
	const char *old = m->translation_of->units, *cur = current(t, s)->units;
	sf_buf b = { 0 };
	single_change(&b, a, old, cur, 't', "title");
	list_changes(&b, a, old, cur, 'p', "paragraph", "paragraphs");
	single_change(&b, a, old, cur, 's', "sms");
	list_changes(&b, a, old, cur, 'c', "checklist item", "checklist items");
	single_change(&b, a, old, cur, 'n', "trainer notes");
	list_changes(&b, a, old, cur, 'q', "quiz question", "quiz questions");
	const char *r = sf_strndup(a, b.data ? b.data : "", b.len);
	sf_buf_free(&b);
	return r;
}

int sf_unit_stale(const sf_translations *t, const sf_module *m, const sf_unit *u)
{
	const sf_module *s = sf_translation_source(t, m, NULL);
	if (!s || !m->translation_of || !m->translation_of->units)
		return 1;
	int g = u->kind == SF_U_OPTION ? SF_U_QUIZ : u->kind;
	group *old = sf_alloc(t->a, sizeof *old), *cur = sf_alloc(t->a, sizeof *cur);
	parse_group(t->a, m->translation_of->units, g, old);
	parse_group(t->a, current(t, s)->units, g, cur);
	size_t i = (g == SF_U_PARA || g == SF_U_CHECK || g == SF_U_QUIZ) ? (size_t)u->n - 1 : 0;
	return i >= old->n || i >= cur->n || !same(old->tok[i], cur->tok[i]);
}
