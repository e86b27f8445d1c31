/* resolveint.h: the resolver's index, shared by resolve.c and explain.c (resolve/ only). */
#ifndef SAFAR_RESOLVE_INT_H
#define SAFAR_RESOLVE_INT_H

#include <pthread.h>
#include <stdint.h>

#include "safar/resolve.h"

/* All the modules of one topic (a stage and an id), sorted by path. */
typedef struct topic_ix {
	int stage;
	const char *id;
	const sf_module **mods;
	size_t n;
} topic_ix;

struct sf_resolver {
	const sf_root *root;
	sf_sink *sink;
	sf_arena *a;
	topic_ix *topics; /* by stage, then id */
	size_t ntopics;
	pthread_mutex_t lock; /* guards seen */
	uint64_t *seen;       /* hashes of diagnostics already reported */
	size_t nseen, capseen;
};

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
} rs_ctx;

void rs_chain(const sf_root *root, const char *lang, sf_arena *a, const char ***chain, size_t *n);
/* Resolves one topic into *out (returns 0 when it has none for this target);
 * with cands, also says what became of each module (cands has ix->n slots). */
/* 1: *out is the topic; 0: no module matches; -1: an error left it out
 * (ambiguity, no base), reported once. */
int rs_topic(rs_ctx *c, const topic_ix *ix, sf_arena *a, sf_topic *out, sf_candidate *cands);
/* A target as people say it: "kg-ru ru all-sector women". */
const char *rs_target_name(const sf_target *t, sf_arena *a);

#endif
