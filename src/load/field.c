/* field.c: typed readers for YAML values, reporting what is wrong and where. */
#include "field.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "safar/date.h"
#include "safar/suggest.h"

static const char *kind_name(const ynode *v)
{
	if (yn_is_null(v))
		return "null";
	switch (v->kind) {
	case YN_SEQ: return "a list";
	case YN_MAP: return "a mapping";
	default: return "a scalar";
	}
}

int f_map(fctx *c, const ynode *v, const char *what)
{
	if (v && v->kind == YN_MAP)
		return 1;
	if (v)
		sf_emit(c->sink, SF_D_WRONG_TYPE, v->loc,
			"%s must be a mapping of keys to values, not %s", what, kind_name(v));
	return 0;
}

int f_keys(fctx *c, const ynode *map, const char *what, const char *const *known,
	   size_t n, const char *const *required, size_t nreq, sf_loc where)
{
	if (!map) {
		sf_emit(c->sink, SF_D_WRONG_TYPE, where, "%s must be a mapping of keys to values",
			what);
		return 0;
	}
	if (!f_map(c, map, what))
		return 0;
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const ynode *k = map->items[i];
		if (k->kind != YN_SCALAR || sf_name_index(known, n, k->s) >= 0)
			continue;
		const char *s = sf_suggest(k->s, known, n);
		if (s)
			sf_emit(c->sink, SF_D_UNKNOWN_KEY, k->loc,
				"unknown key '%s' in %s; did you mean '%s'?", k->s, what, s);
		else
			sf_emit(c->sink, SF_D_UNKNOWN_KEY, k->loc, "unknown key '%s' in %s", k->s, what);
	}
	for (size_t i = 0; i < nreq; i++)
		if (!yn_get(map, required[i]))
			sf_emit(c->sink, SF_D_MISSING_KEY, map->loc, "%s has no '%s'", what,
				required[i]);
	return 1;
}

const char *f_str(fctx *c, const ynode *v, const char *key)
{
	if (!v)
		return NULL;
	if (v->kind != YN_SCALAR || yn_is_null(v)) {
		sf_emit(c->sink, SF_D_WRONG_TYPE, v->loc, "'%s' must be text, not %s", key,
			kind_name(v));
		return NULL;
	}
	return v->s;
}

const char *f_str_or_null(fctx *c, const ynode *v, const char *key)
{
	if (!v || yn_is_null(v))
		return NULL;
	return f_str(c, v, key);
}

int f_int(fctx *c, const ynode *v, const char *key, long min, long max, int *out)
{
	if (!v)
		return 0;
	if (v->kind != YN_SCALAR || !v->plain || yn_is_null(v)) {
		sf_emit(c->sink, SF_D_WRONG_TYPE, v->loc, "'%s' must be a whole number, not %s",
			key, v->kind == YN_SCALAR && !yn_is_null(v) ? "quoted text" : kind_name(v));
		return 0;
	}
	errno = 0;
	char *end;
	long n = strtol(v->s, &end, 10);
	if (end == v->s || *end != '\0' || errno == ERANGE || n < min || n > max) {
		sf_emit(c->sink, SF_D_BAD_NUMBER, v->loc,
			"'%s' must be a whole number from %ld to %ld, not '%s'", key, min, max, v->s);
		return 0;
	}
	*out = (int)n;
	return 1;
}

long f_date(fctx *c, const ynode *v, const char *key)
{
	if (!v)
		return 0;
	if (v->kind != YN_SCALAR || yn_is_null(v)) {
		sf_emit(c->sink, SF_D_WRONG_TYPE, v->loc, "'%s' must be a date YYYY-MM-DD, not %s",
			key, kind_name(v));
		return 0;
	}
	const char *s = v->s;
	long days = sf_date_parse(s);
	if (days <= 0) {
		sf_emit(c->sink, SF_D_BAD_DATE, v->loc,
			"'%s' must be a real date written YYYY-MM-DD, not '%s'", key, s);
		return 0;
	}
	return days;
}

int f_enum(fctx *c, const ynode *v, const char *key, const char *const *names, size_t n)
{
	const char *s = f_str(c, v, key);
	if (!s)
		return -1;
	int i = sf_name_index(names, n, s);
	if (i >= 0)
		return i;
	const char *near = sf_suggest(s, names, n);
	char list[256] = "";
	for (size_t k = 0; k < n; k++) {
		if (k)
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, names[k], sizeof list - strlen(list) - 1);
	}
	if (near)
		sf_emit(c->sink, SF_D_BAD_VALUE, v->loc,
			"'%s' is not a valid %s; did you mean '%s'? (one of: %s)", s, key, near, list);
	else
		sf_emit(c->sink, SF_D_BAD_VALUE, v->loc, "'%s' is not a valid %s (one of: %s)", s,
			key, list);
	return -1;
}

sf_strv f_strv(fctx *c, const ynode *v, const char *key)
{
	sf_strv out = { 0 };
	if (!v || yn_is_null(v))
		return out;
	if (v->kind == YN_SCALAR) {
		out.v = sf_alloc(c->a, sizeof *out.v);
		out.loc = sf_alloc(c->a, sizeof *out.loc);
		out.v[0] = v->s;
		out.loc[0] = v->loc;
		out.n = 1;
		return out;
	}
	if (v->kind != YN_SEQ) {
		sf_emit(c->sink, SF_D_WRONG_TYPE, v->loc, "'%s' must be a value or a list, not %s",
			key, kind_name(v));
		return out;
	}
	out.v = sf_alloc_array(c->a, v->n ? v->n : 1, sizeof *out.v);
	out.loc = sf_alloc_array(c->a, v->n ? v->n : 1, sizeof *out.loc);
	for (size_t i = 0; i < v->n; i++) {
		const char *s = f_str(c, v->items[i], key);
		if (!s)
			continue;
		out.v[out.n] = s;
		out.loc[out.n++] = v->items[i]->loc;
	}
	return out;
}

sf_text f_text(fctx *c, const ynode *v, const char *key)
{
	sf_text t = { 0 };
	if (!v)
		return t;
	t.loc = v->loc;
	if (v->kind != YN_MAP) {
		t.plain = f_str(c, v, key);
		return t;
	}
	size_t n = v->n / 2;
	t.lang = sf_alloc_array(c->a, n ? n : 1, sizeof *t.lang);
	t.val = sf_alloc_array(c->a, n ? n : 1, sizeof *t.val);
	t.lang_loc = sf_alloc_array(c->a, n ? n : 1, sizeof *t.lang_loc);
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		const ynode *k = v->items[i];
		const char *s = f_str(c, v->items[i + 1], key);
		if (k->kind != YN_SCALAR || !s)
			continue;
		t.lang[t.n] = k->s;
		t.lang_loc[t.n] = k->loc;
		t.val[t.n++] = s;
	}
	return t;
}

int f_kebab(fctx *c, const char *s, sf_loc at, const char *what)
{
	int ok = *s != '\0';
	for (const char *p = s; ok && *p; p++) {
		if (*p == '-')
			ok = p != s && p[1] != '\0' && p[1] != '-';
		else
			ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
	}
	if (!ok)
		sf_emit(c->sink, SF_D_BAD_ID, at,
			"%s '%s' must be kebab-case: lower-case letters and digits joined by single hyphens",
			what, s);
	return ok;
}

sf_when f_when(fctx *c, const ynode *v)
{
	sf_when w = { 0 };
	if (!v || yn_is_null(v))
		return w;
	w.loc = v->loc;
	if (!f_keys(c, v, "when", sf_when_names, SF_NWHEN, NULL, 0, v->loc))
		return w;
	for (int k = 0; k < SF_NWHEN; k++) {
		const ynode *val = yn_get(v, sf_when_names[k]);
		if (!val)
			continue;
		w.key[k] = f_strv(c, val, sf_when_names[k]);
		if (w.key[k].n == 0) {
			sf_emit(c->sink, SF_D_WRONG_TYPE, val->loc,
				"when '%s' must name at least one value", sf_when_names[k]);
			continue;
		}
		w.present |= 1u << k;
	}
	return w;
}

int f_fact_name_ok(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

size_t f_facts(fctx *c, const ynode *v, sf_fact **out)
{
	*out = NULL;
	if (!v || yn_is_null(v) || !f_map(c, v, "facts"))
		return 0;
	sf_fact *facts = sf_alloc_array(c->a, v->n / 2 + 1, sizeof *facts);
	size_t n = 0;
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		const ynode *k = v->items[i];
		if (k->kind != YN_SCALAR)
			continue;
		if (!f_fact_name_ok(k->s)) {
			sf_emit(c->sink, SF_D_BAD_ID, k->loc,
				"fact name '%s' must start with a lower-case letter and hold only a-z, 0-9, _ and -",
				k->s);
			continue;
		}
		sf_fact *fa = &facts[n++];
		fa->name = k->s;
		fa->loc = k->loc;
		f_fact_value(c, v->items[i + 1], fa);
	}
	*out = facts;
	return n;
}
