/* schema.c: cross-reference checks of the model against safar.yaml and itself. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "safar/arena.h"
#include "safar/check.h"
#include "safar/strmap.h"
#include "safar/suggest.h"

/* An undeclared name is one mistake however often it is used: it is
 * reported once, at its first use, with how many more there are. Uses are
 * gathered first, then reported by sf_check_schema. */
typedef struct use {
	const char *val;
	sf_loc at;
	sf_dcode code;
	const char *what;
	const sf_strv *decl;
} use;

typedef struct uses {
	sf_arena *a;
	use *v;
	size_t n, cap;
} uses;

typedef struct sctx {
	sf_sink *sink;
	uses u;
	sf_strmap *corridor_ids; /* every corridor's id: a module names one by it */
} sctx;

static void declared(sctx *c, const sf_strv *decl, const char *val, sf_loc at,
		     sf_dcode code, const char *what)
{
	if (sf_strv_has(decl, val))
		return;
	*SF_PUSH(c->u.a, c->u.v, c->u.n, c->u.cap) =
		(use){ .val = val, .at = at, .code = code, .what = what, .decl = decl };
}

static void report_undeclared(sf_sink *sink, const uses *u)
{
	for (size_t i = 0; i < u->n; i++) {
		const use *x = &u->v[i];
		size_t more = 0, first = 0;
		while (u->v[first].code != x->code || strcmp(u->v[first].val, x->val) != 0)
			first++;
		if (first != i)
			continue;
		for (size_t j = i + 1; j < u->n; j++)
			more += u->v[j].code == x->code && strcmp(u->v[j].val, x->val) == 0;
		char tail[64] = "";
		if (more)
			snprintf(tail, sizeof tail, " (used in %zu more place%s)", more,
				 more == 1 ? "" : "s");
		const char *near = sf_suggest(x->val, x->decl->v, x->decl->n);
		if (near)
			sf_emit(sink, x->code, x->at,
				"%s '%s' is not declared in safar.yaml; did you mean '%s'?%s", x->what,
				x->val, near, tail);
		else
			sf_emit(sink, x->code, x->at,
				"%s '%s' is not declared in safar.yaml %ss; declare it there%s", x->what,
				x->val, x->what, tail);
	}
}

static void declared_all(sctx *c, const sf_strv *decl, const sf_strv *vals,
			 sf_dcode code, const char *what)
{
	for (size_t i = 0; i < vals->n; i++)
		declared(c, decl, vals->v[i], vals->loc[i], code, what);
}

static void text_langs(sctx *c, const sf_config *cfg, const sf_text *t)
{
	for (size_t i = 0; i < t->n; i++)
		declared(c, &cfg->languages, t->lang[i], t->lang_loc[i],
			 SF_D_UNDECLARED_LANGUAGE, "language");
}

static void country(sctx *c, const char *code, sf_loc at)
{
	if (!code || sf_country_valid(code))
		return;
	char up[3] = { 0 };
	if (strlen(code) == 2) {
		up[0] = (char)toupper((unsigned char)code[0]);
		up[1] = (char)toupper((unsigned char)code[1]);
	}
	/* UK is reserved in ISO 3166-1, not assigned: the code is GB. */
	if (strcmp(up, "UK") == 0)
		strcpy(up, "GB");
	if (up[0] && sf_country_valid(up))
		sf_emit(c->sink, SF_D_BAD_COUNTRY, at,
			"'%s' is not an ISO 3166-1 alpha-2 country code; did you mean '%s'?", code, up);
	else
		sf_emit(c->sink, SF_D_BAD_COUNTRY, at,
			"'%s' is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. KG)",
			code);
}

static void check_config(const sf_config *cfg, sctx *c)
{
	for (size_t i = 0; i < cfg->nfallback; i++) {
		const sf_fallback *f = &cfg->fallback[i];
		declared(c, &cfg->languages, f->lang, f->loc, SF_D_UNDECLARED_LANGUAGE, "language");
		declared_all(c, &cfg->languages, &f->chain, SF_D_UNDECLARED_LANGUAGE, "language");
	}
}

static const char *file_stem(const char *path, char *buf, size_t n)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".yaml") == 0)
		len -= 5;
	if (len >= n)
		len = n - 1;
	memcpy(buf, base, len);
	buf[len] = '\0';
	return buf;
}

static void check_corridor(const sf_root *r, size_t idx, sctx *c)
{
	const sf_config *cfg = &r->config;
	const sf_corridor *co = &r->corridors[idx];
	char stem[256];
	if (co->id_loc.line && strcmp(co->id, file_stem(co->path, stem, sizeof stem)) != 0)
		sf_emit(c->sink, SF_D_ID_MISMATCH, co->id_loc,
			"corridor id '%s' must equal its file name '%s'", co->id, stem);
	for (size_t j = 0; j < idx; j++)
		if (strcmp(r->corridors[j].id, co->id) == 0)
			sf_emit(c->sink, SF_D_DUPLICATE_ID, co->id_loc,
				"corridor id '%s' is also used by %s", co->id, r->corridors[j].path);
	country(c, co->origin, co->origin_loc);
	country(c, co->destination, co->destination_loc);
	text_langs(c, cfg, &co->title);
	declared_all(c, &cfg->languages, &co->languages, SF_D_UNDECLARED_LANGUAGE, "language");
	declared_all(c, &cfg->sectors, &co->sectors, SF_D_UNDECLARED_SECTOR, "sector");
	declared_all(c, &cfg->audiences, &co->audiences, SF_D_UNDECLARED_AUDIENCE, "audience");
	for (size_t i = 0; i < co->nfacts; i++)
		text_langs(c, cfg, &co->facts[i].value);
	for (size_t i = 0; i < co->ncontacts; i++)
		declared_all(c, &cfg->languages, &co->contacts[i].languages,
			     SF_D_UNDECLARED_LANGUAGE, "language");
}

static void check_when(const sf_root *r, const sf_when *w, sctx *c)
{
	const sf_config *cfg = &r->config;
	const sf_strv *v = &w->key[SF_W_CORRIDOR];
	for (size_t i = 0; i < v->n; i++) {
		if (sf_strmap_get(c->corridor_ids, v->v[i], strlen(v->v[i])))
			continue;
		const char *ids[r->ncorridors + 1];
		for (size_t j = 0; j < r->ncorridors; j++)
			ids[j] = r->corridors[j].id;
		const char *near = sf_suggest(v->v[i], ids, r->ncorridors);
		if (near)
			sf_emit(c->sink, SF_D_BAD_VALUE, v->loc[i],
				"no corridor '%s' (corridors/%s.yaml); did you mean '%s'?", v->v[i],
				v->v[i], near);
		else
			sf_emit(c->sink, SF_D_BAD_VALUE, v->loc[i], "no corridor '%s' (corridors/%s.yaml)",
				v->v[i], v->v[i]);
	}
	for (int k = SF_W_ORIGIN; k <= SF_W_DESTINATION; k++)
		for (size_t i = 0; i < w->key[k].n; i++)
			country(c, w->key[k].v[i], w->key[k].loc[i]);
	declared_all(c, &cfg->sectors, &w->key[SF_W_SECTOR], SF_D_UNDECLARED_SECTOR, "sector");
	declared_all(c, &cfg->audiences, &w->key[SF_W_AUDIENCE], SF_D_UNDECLARED_AUDIENCE,
		     "audience");
}

void sf_check_schema(const sf_root *r, sf_sink *sink)
{
	sctx ctx = { .sink = sink, .u = { .a = sf_arena_new() } }, *c = &ctx;
	check_config(&r->config, c);
	for (size_t i = 0; i < r->ncorridors; i++)
		check_corridor(r, i, c);
	c->corridor_ids = sf_strmap_new(c->u.a, r->ncorridors);
	for (size_t j = 0; j < r->ncorridors; j++)
		if (r->corridors[j].id)
			sf_strmap_put(c->corridor_ids, r->corridors[j].id,
				      strlen(r->corridors[j].id), (void *)&r->corridors[j]);
	for (size_t i = 0; i < r->nmodules; i++) {
		const sf_module *m = &r->modules[i];
		if (m->lang)
			declared(c, &r->config.languages, m->lang, m->lang_loc,
				 SF_D_UNDECLARED_LANGUAGE, "language");
		check_when(r, &m->when, c);
	}
	for (size_t i = 0; i < r->ni18n; i++)
		declared(c, &r->config.languages, r->i18n[i].lang,
			 (sf_loc){ r->i18n[i].path, 1, 1 }, SF_D_UNDECLARED_LANGUAGE, "language");
	for (size_t i = 0; i < r->nrules; i++) {
		check_when(r, &r->rules[i].when, c);
		for (size_t k = 0; k < r->rules[i].nfacts; k++)
			text_langs(c, &r->config, &r->rules[i].facts[k].value);
	}
	report_undeclared(sink, &c->u);
	sf_arena_free(c->u.a);
}
