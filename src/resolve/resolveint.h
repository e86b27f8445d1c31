/* resolveint.h: the resolver's index, shared by resolve.c and explain.c (resolve/ only). */
#ifndef SAFAR_RESOLVE_INT_H
#define SAFAR_RESOLVE_INT_H

#include <pthread.h>
#include <stdint.h>

#include "safar/resolve.h"

/* What rs_topic reads of a candidate module, in one record by module index:
 * one cache line, where the arrays below are one each. */
typedef struct rs_mx {
	const char *lang; /* interned (mlang) */
	uint64_t sec, aud; /* msec, maud */
	int spec;
	unsigned present;
	unsigned char merge, aud_general;
} rs_mx;

/* All the modules of one topic (a stage and an id), sorted by path. */
typedef struct topic_ix {
	int stage;
	const char *id;
	const sf_module **mods;
	size_t n;
	/* 1 in a corridor's view: every module's corridor, origin and
	 * destination keys allow the corridor, so matching a target of it
	 * looks at the sector and audience keys only. */
	int corridor_ok;
	/* Beside mods: each one's record (rs_mx), so that rs_topic reads its
	 * candidates in a row; NULL: look them up by module index. */
	const rs_mx *mx;
} topic_ix;

/* One module of a keyed topic that a corridor's keys allow. */
typedef struct rs_cm {
	size_t topic; /* index in the resolver's topics */
	const sf_module *m;
} rs_cm;

/* One corridor's view of the index: the topics that have a module whose
 * corridor, origin and destination keys match the corridor, each with just
 * those modules (in path order). Built the first time a target of the
 * corridor resolves: a target then looks only at its candidates, not at
 * every module of the root (docs/performance.md). */
typedef struct rs_view {
	const topic_ix *topics;
	size_t ntopics;
	sf_arena *a; /* where a corridor's view lives (NULL for all) */
	/* By topic: its place when the topics are sorted by stage, their
	 * first module's order and id, which is how an edition's topics sort
	 * when a topic's modules agree on their order (resolve.c); NULL: none. */
	unsigned *rank;
} rs_view;

struct sf_resolver {
	const sf_root *root;
	sf_sink *sink;
	sf_arena *a;
	topic_ix *topics; /* by stage, then id */
	size_t ntopics;
	unsigned char *topic_keyed; /* by topic: 1 when a module has corridor-level keys */
	int *spec;                  /* by module index: sf_specificity of its when */
	/* By module index, what rs_topic reads of every candidate, kept
	 * together (a module's own struct is a cache miss per candidate):
	 * its when's present bits and its merge. */
	unsigned *mpresent;
	unsigned char *mmerge;
	/* By corridor index: the modules of keyed topics whose corridor-level
	 * keys allow it, in topic then path order (what its view takes); NULL
	 * when corridor ids repeat (then views scan every module). */
	struct rs_cm **cm;
	size_t *ncm;
	rs_view all;                /* every topic */
	rs_view *_Atomic *views;    /* by corridor index; NULL until built */
	pthread_mutex_t view_lock;  /* serialises building the views */
	sf_arena *spare_view;       /* a forgotten view's arena, reset, for the next */
	pthread_mutex_t lock; /* guards seen and the misses */
	uint64_t *seen;       /* hashes of diagnostics already reported */
	size_t nseen, capseen;
	struct sf_strmap *fctx_ix; /* facts context key -> its number */
	uint32_t nfctx;
	uint64_t *checked; /* (facts context, module) pairs whose facts were checked */
	/* By module index: the last context it was checked in. Written under
	 * lock, read before it: a module asked about again in the context it
	 * was last checked in (most asks) is answered without the lock. */
	_Atomic uint32_t *last_fctx;
	size_t nchecked, capchecked;
	/* Every fact name some corridor or rule defines (facts.c). */
	struct sf_strmap *known; /* name -> its number + 1 */
	const char **known_names; /* by number */
	size_t nknown;
	/* By module index: the number of each placeholder's name, -1 for a
	 * name nobody defines (lookups by index, not by string). */
	int **ph_ids;
	/* By module index: each fact it uses once (in the order of first use),
	 * with how often; and whether a placeholder names no known fact. A
	 * module's facts are checked per fact, not per placeholder. */
	struct rs_fuse **fuse;
	size_t *nfuse;
	unsigned char *ph_unknown;
	size_t *sms_len; /* by module index: strlen of its sms, 0 when none */
	/* Names interned once (docs/performance.md): each language, sector and
	 * audience a module names has one pointer (canon: text -> that
	 * pointer), so resolution compares pointers, not strings. */
	struct sf_strmap *canon;
	const char **mlang; /* by module index: its language's pointer */
	/* Sector and audience values as bits (bitwise matching), when the
	 * modules name at most 64 of each (else when_bits is 0 and matching
	 * compares strings). */
	int when_bits;
	struct sf_strmap *sector_bit, *audience_bit; /* name -> bit + 1 */
	uint64_t *msec, *maud; /* by module index: the bits of its keys */
	unsigned char *maud_general; /* by module index: audience lists general */
	rs_mx *mx; /* the same, and spec, present and merge, together */
	/* What corridors lack, gathered over every target, reported when the
	 * resolver is freed (facts.c). */
	struct rs_miss **misses;
	size_t nmisses, capmisses;
	struct sf_strmap *miss_ix; /* "corridor path\nfact\nlanguage" -> entry */
};

/* A fact a module uses: its number, its first placeholder, its uses. */
typedef struct rs_fuse {
	int id;
	size_t first;
	size_t uses;
} rs_fuse;

/* 1 the first time key is seen: a problem met by many targets is reported
 * once. */
int rs_once(sf_resolver *r, const char *key);

/* The per-target context both resolve and explain work from. */
typedef struct rs_ctx {
	sf_resolver *r;
	const sf_target *t;
	const char **chain;
	size_t nchain;
	sf_strv excluded;
	/* The target's facts context: its corridor, language and the rules
	 * that match it (what decides every fact's value), as a small number
	 * from 1; 0: none (facts are checked every time). */
	uint32_t fctx;
	/* Set by rs_ctx_names: the chain's languages as interned pointers,
	 * and the target's sector and audience as bits (0: no module names
	 * it). */
	const char **cchain;
	uint64_t tsec, taud;
} rs_ctx;

/* Fills c's interned names (cchain, tsec, taud) from its target. */
void rs_ctx_names(rs_ctx *c, sf_arena *a);
/* The interned pointer of a language, sector or audience name a module
 * uses; s itself when no module uses it. */
const char *rs_canon(const sf_resolver *r, const char *s);

/* The facts context of t with the rules that matched it (bit i: rule i),
 * interned: equal numbers, equal facts. */
uint32_t rs_fctx(sf_resolver *r, const sf_target *t, const size_t *rules, size_t nrules,
		 sf_arena *a);
/* 1 the first time (fctx, module) is seen: a module's facts are checked
 * once per context, not once per target. */
int rs_first_in_fctx(sf_resolver *r, uint32_t fctx, const sf_module *m);

/* The corridor's view, built on first use; safe from several threads. */
const rs_view *rs_view_of(sf_resolver *r, const sf_corridor *co);

void rs_chain(const sf_root *root, const char *lang, sf_arena *a, const char ***chain, size_t *n);
/* Resolves one topic into *out (returns 0 when it has none for this target);
 * with cands, also says what became of each module (cands has ix->n slots). */
/* 1: *out is the topic; 0: no module matches; -1: an error left it out
 * (ambiguity, no base), reported once. */
int rs_topic(rs_ctx *c, const topic_ix *ix, sf_arena *a, sf_topic *out, sf_candidate *cands);
/* The number of a fact name (from 0), or -1 when no corridor or rule defines it. */
int rs_fact_id(const sf_resolver *r, const char *name);
/* Indexes the fact names of every corridor and rule (at sf_resolver_new). */
void rs_facts_index(sf_resolver *r);
/* Every {{name}} of a topic's composition must have a value for the target:
 * a name nobody defines is reported at once, at the placeholder; what the
 * corridor lacks is gathered for rs_facts_report. */
void rs_check_facts(rs_ctx *c, const sf_resolved *res, const sf_topic *tp, sf_arena *a);
/* Reports what corridors lack: one error per corridor for the facts it
 * lacks, one per corridor, fact and language for a missing value. */
void rs_facts_report(sf_resolver *r);
/* A target as people say it: "kg-ru ru all-sector women". */
const char *rs_target_name(const sf_target *t, sf_arena *a);

#endif
