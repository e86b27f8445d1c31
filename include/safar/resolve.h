/* resolve.h: the rules engine: which modules make up each topic of a target (DESIGN §2). */
#ifndef SAFAR_RESOLVE_H
#define SAFAR_RESOLVE_H

#include "safar/arena.h"
#include "safar/buf.h"
#include "safar/diag.h"
#include "safar/model.h"

/* One edition to build: a corridor, an all-sector (sector NULL) or sector
 * edition, an audience, a language, and the stages asked for. */
typedef struct sf_target {
	const sf_corridor *corridor;
	const char *sector; /* NULL: the all-sector edition */
	const char *audience;
	const char *lang;
	unsigned stages; /* bit per enum sf_stage */
} sf_target;

/* What the user narrowed a build to; NULL / 0 fields mean "all". */
typedef struct sf_filter {
	const char **corridors;
	size_t ncorridors;
	const char *lang, *audience;
	const char *sector; /* "all" picks the all-sector edition only */
	unsigned stages;
} sf_filter;

/* One topic of a target, resolved. Composition order is reading order:
 * prepends (most specific first), the base, appends (least specific first). */
typedef struct sf_topic {
	int stage;
	const char *id;
	const char *lang; /* the language it resolved in */
	int fallback;     /* 1 when that is not the target's language */
	const sf_module *base;
	const sf_module **parts; /* the composition, base included */
	size_t nparts;
	int order; /* the base's */
} sf_topic;

typedef struct sf_fact_ref {
	const sf_fact *fact;
	const char *value; /* in the target language, or through its fallbacks */
	const char *lang;  /* the language of value; NULL for a plain value */
	size_t len;        /* strlen(value); 0 without one */
} sf_fact_ref;

typedef struct sf_resolved {
	sf_target target;
	const char **chain; /* target language then its fallbacks */
	size_t nchain;
	sf_topic *topics; /* stage, order, id */
	size_t ntopics;
	sf_strv policy[SF_NSTAGE]; /* required ids: safar.yaml + corridor + rules */
	sf_strv excluded;          /* ids the rules took out */
	sf_strv failed[SF_NSTAGE]; /* ids left out by a resolution error, reported */
	sf_fact_ref *facts;        /* the corridor's, then the rules' it lacks */
	size_t nfacts;
	struct sf_strmap *fact_names; /* name -> its entry of facts */
	/* The same entries by the resolver's number of each fact name (every
	 * name some corridor or rule defines); NULL where this target has none. */
	const sf_fact_ref **fact_by_id;
	/* The facts context (corridor, language, matching rules) as a small
	 * number from 1, equal for targets whose facts are equal; 0: unknown. */
	unsigned fctx;
} sf_resolved;

/* Ownership: a resolver borrows the root (which must outlive it) and keeps
 * an index of it in its own arena. sf_resolve may run on several threads at
 * once, each with its own out-arena; diagnostics are reported once each,
 * however many targets meet them. What only all the targets together tell
 * (the facts a corridor lacks: one error per corridor) is reported by
 * sf_resolver_free, so free the resolver before reading the sink. */
typedef struct sf_resolver sf_resolver;

sf_resolver *sf_resolver_new(const sf_root *root, sf_sink *sink);
/* The root it resolves, and where it reports. */
const sf_root *sf_resolver_root(const sf_resolver *r);
sf_sink *sf_resolver_sink(const sf_resolver *r);
void sf_resolver_free(sf_resolver *r);
/* Drops what the resolver keeps for corridor co (the index of its
 * candidates, built when its first target resolved): for a caller that
 * resolves corridor by corridor, once co is done and no thread resolves it.
 * Resolving co again builds it again. Also forgets which modules had their
 * facts checked (in any corridor): checking again reports nothing twice. */
void sf_resolver_forget(sf_resolver *r, const sf_corridor *co);

/* Every target of the root that passes filter, in a stable order: corridor,
 * language (as the corridor lists them), audience, edition (all first). */
size_t sf_targets(const sf_root *root, const sf_filter *filter, sf_arena *a, sf_target **out);

void sf_resolve(sf_resolver *r, const sf_target *t, sf_arena *a, sf_resolved *out);

/* The number of a fact name, as sf_resolved.fact_by_id indexes it: -1 when
 * no corridor or rule defines it (no target has it). */
int sf_resolver_fact_id(const sf_resolver *r, const char *name);

/* The fact's value for a resolved target, or NULL. */
const sf_fact_ref *sf_fact_lookup(const sf_resolved *res, const char *name);
/* Appends text with each {{name}} replaced by its value; an unknown name is
 * kept as written (resolution has reported it). */
void sf_subst(sf_buf *out, const char *text, size_t len, const sf_resolved *res);
/* The next {{name}} (spaces inside the braces allowed) of text[from, len):
 * 1 with where it starts, its name (copied into name, cut at size - 1)
 * and where it ends (past the "}}"); 0 when there is none. sf_subst and
 * the edition cache both cut text with it, so they agree. */
int sf_placeholder_next(const char *text, size_t len, size_t from, size_t *start, size_t *end,
			char *name, size_t size);

/* What one module may grow to once its facts are substituted: a 100 KB fact
 * used 4,000 times would otherwise print 400 MB per edition (a YAML alias
 * bomb by another road). Resolution reports a module over it
 * (too-expanded); sf_subst never writes past it. docs/content-format.md. */
#define SF_MAX_EXPANDED ((size_t)4 << 20)

/* Matching, exposed for explain: 1 when w matches t; else 0 with a reason. */
int sf_when_match(const sf_when *w, const sf_target *t, char *why, size_t whylen);
int sf_specificity(const sf_when *w);

/* Why one module is or is not in a topic of a target. */
enum sf_role {
	SF_ROLE_BASE,       /* the chosen replace module */
	SF_ROLE_STACKED,    /* an append or prepend stacked on the base */
	SF_ROLE_NO_MATCH,   /* its `when` does not match */
	SF_ROLE_LANGUAGE,   /* matches, but the topic resolved in another language */
	SF_ROLE_OUTRANKED,  /* a replace module less specific than the base */
	SF_ROLE_EXCLUDED,   /* a rule excludes the topic */
	SF_ROLE_NO_BASE,    /* would stack, but there is no base */
	SF_ROLE_AMBIGUOUS,  /* tied with another replace module at the top */
};
extern const char *const sf_role_names[];

typedef struct sf_candidate {
	const sf_module *module;
	int role;
	int specificity;
	const char *why; /* for no-match, language, outranked, excluded */
} sf_candidate;

typedef struct sf_explanation {
	int stage;
	const char *id;
	sf_candidate *cands; /* every module of the topic, by path */
	size_t ncands;
	const sf_topic *topic; /* the composition; NULL when nothing resolved */
} sf_explanation;

/* One explanation per stage in which id exists. */
size_t sf_explain(sf_resolver *r, const sf_target *t, const char *id, sf_arena *a,
		  sf_explanation **out);

#endif
