/* field.h: typed reading of ynode values into the model, with diagnostics (load/ only). */
#ifndef SAFAR_LOAD_FIELD_H
#define SAFAR_LOAD_FIELD_H

#include "safar/model.h"
#include "ytree.h"

typedef struct fctx {
	sf_arena *a;
	sf_sink *sink;
} fctx;

/* Reports every key of map not in known[0..n) (with a suggestion), and every
 * key of required[] that is missing (at where). Returns 0 when map is not a
 * mapping (reported as `what`). */
int f_keys(fctx *c, const ynode *map, const char *what, const char *const *known,
	   size_t n, const char *const *required, size_t nreq, sf_loc where);

/* 1 when v is a mapping; else reports that `what` must be one. */
int f_map(fctx *c, const ynode *v, const char *what);
/* A non-null scalar as a string; NULL (reported) otherwise. */
const char *f_str(fctx *c, const ynode *v, const char *key);
/* Like f_str but null gives NULL without a report. */
const char *f_str_or_null(fctx *c, const ynode *v, const char *key);
/* A plain integer in [min, max]; returns 0 and leaves *out on failure. */
int f_int(fctx *c, const ynode *v, const char *key, long min, long max, int *out);
/* A YYYY-MM-DD date as days since 1970-01-01; 0 on failure (reported). */
long f_date(fctx *c, const ynode *v, const char *key);
/* One of names[0..n) (suggesting the nearest on failure); -1 on failure. */
int f_enum(fctx *c, const ynode *v, const char *key, const char *const *names, size_t n);
/* A scalar or a list of scalars. */
sf_strv f_strv(fctx *c, const ynode *v, const char *key);
/* A scalar, or a mapping of language -> scalar. */
sf_text f_text(fctx *c, const ynode *v, const char *key);
/* A kebab-case name: [a-z0-9]+(-[a-z0-9]+)*; reports and returns 0 if not. */
int f_kebab(fctx *c, const char *s, sf_loc at, const char *what);
/* A `when` mapping (corridor, origin, destination, sector, audience). */
sf_when f_when(fctx *c, const ynode *v);

/* A facts mapping: name -> text or language -> text; returns the count. */
size_t f_facts(fctx *c, const ynode *v, sf_fact **out);
/* A fact's value, plain, per language or {text, checked, sources}. */
void f_fact_value(fctx *c, const ynode *v, sf_fact *fa);
/* checked and sources of a fact or contact mapping. */
void f_evidence(fctx *c, const ynode *map, sf_evidence *ev);
/* A module's `reviewed: {on, by}`, required when status is reviewed. */
void f_reviewed(fctx *c, const ynode *root, sf_module *m);
/* Fact names start with a-z and hold a-z, 0-9, _ and -. */
int f_fact_name_ok(const char *s);

#endif
