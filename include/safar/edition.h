/* edition.h: one fully decided edition of a target, which render prints and check inspects. */
#ifndef SAFAR_EDITION_H
#define SAFAR_EDITION_H

#include "safar/arena.h"
#include "safar/i18n.h"
#include "safar/resolve.h"
#include "safar/sms.h"

/* Ownership: an edition and everything it holds live in the arena given to
 * sf_edition_make; it borrows the root and the resolver (which must outlive
 * it). Nothing downstream decides again (docs/resolution.md, "The
 * edition"): renderers print these strings, check and coverage read these
 * verdicts. */

/* Which edition, as fields, never as a string to parse. */
typedef struct sf_edition_key {
	const char *corridor, *lang;
	const char *sector; /* "all" for the all-sector edition */
	const char *audience;
} sf_edition_key;

/* What becomes of a link of a body in this edition. */
enum sf_link_verdict {
	SF_LINK_OK,      /* http, https, mailto, tel: printed as a link */
	SF_LINK_ANCHOR,  /* #x, and the edition has x */
	SF_LINK_DEAD,    /* #x, and the edition has no x */
	SF_LINK_DROPPED, /* any other scheme: printed as its text */
};

typedef struct sf_ed_link {
	const sf_link *link;
	enum sf_link_verdict verdict;
} sf_ed_link;

/* The freshness of a module on the edition's date. */
enum sf_freshness { SF_FRESH, SF_STALE_SOON, SF_STALE };

/* One module of a topic's composition, with its texts after facts. */
typedef struct sf_ed_part {
	const sf_module *m;
	const char *sms;         /* after facts; NULL when the module has none */
	sf_sms sms_split;        /* its messages, each with its own encoding */
	const char **checklist;  /* after facts */
	size_t nchecklist;
	sf_ed_link *links;       /* one per m->links, same order */
	enum sf_freshness freshness;
	int draft;               /* status: draft */
} sf_ed_part;

typedef struct sf_ed_topic {
	int stage;
	const char *id;
	const char *anchor; /* "PDO-employment-contract" */
	const char *title;  /* the base's, after facts */
	const char *lang;   /* the language it resolved in */
	int fallback;       /* lang is not the edition's language */
	int tailored;       /* some part has a corridor, destination, origin, sector or audience key */
	int draft;          /* some part is a draft */
	const sf_topic *resolved;
	sf_ed_part *parts; /* reading order: prepends, base, appends */
	size_t nparts;
} sf_ed_topic;

typedef struct sf_edition {
	sf_arena *arena; /* where it lives: more about it may go there too */
	sf_target target;
	sf_edition_key key;
	long today; /* days since 1970: what freshness was judged against */
	const sf_resolved *res; /* chain, facts, policy: what it was decided from */
	sf_ed_topic *topics;    /* stage, order, id */
	size_t ntopics;
	unsigned stages; /* bit per stage that has topics */
	/* Sources, one entry per work, numbered from 1 in reading order. */
	const char **sources;
	size_t nsources;
	/* Every anchor the handbook prints: stage-X, X-id, checklist, help,
	 * sources, src-N. Sorted; what #links are judged against. Made with an
	 * edcache (check), listed only for an edition with a #link (else 0):
	 * sf_edition_has_anchor answers either way. */
	const char **anchors;
	size_t nanchors;
	const char *str[SF_NSTRINGS];      /* interface strings */
	const char *str_lang[SF_NSTRINGS]; /* the language each was read in; NULL: built in */
	int has_checklist, has_draft, has_fallback, has_dead_link;
	/* When its information was checked: the oldest and newest reviewed.on
	 * of its modules and `checked` of its facts (days since 1970); 0 when
	 * none says. The cover prints these, never the build date. */
	long checked_first, checked_last;
} sf_edition;

/* Decides the edition of t: resolves it (reporting resolution problems
 * through the resolver's sink, once each), substitutes facts, splits SMS,
 * numbers sources, lists anchors and judges every link. */
void sf_edition_make(sf_resolver *r, const sf_target *t, long today, sf_arena *a,
		     sf_edition *out);

/* What an edition decides of one module depends only on the module and the
 * facts context (sf_resolved.fctx): its sms after facts and split, its
 * checklist and title after facts, and the verdict of its links other than
 * #links. A cache shares that work across the editions of a context (check
 * makes every edition of the root). Not thread-safe: one per thread. The
 * editions made with it borrow from it: free it after them. */
typedef struct sf_edcache sf_edcache;
sf_edcache *sf_edcache_new(const sf_root *root);
/* Forgets the per-context entries (what one module keeps stays): call it
 * when no later edition shares a facts context with the earlier ones, and no
 * edition made so far is used any more. */
void sf_edcache_reset(sf_edcache *c);
void sf_edcache_free(sf_edcache *c);
/* sf_edition_make, with cache (NULL: none); the edition is the same but
 * for its anchors list (sf_edition.anchors). */
void sf_edition_make_cached(sf_resolver *r, const sf_target *t, long today, sf_arena *a,
			    sf_edcache *cache, sf_edition *out);

/* The same from t's resolution, made by sf_resolve into a (or an arena
 * that outlives the edition): for a caller that looks at the resolution
 * first (a build hashing what an edition is made from). cache may be NULL. */
void sf_edition_of(sf_resolver *r, const sf_target *t, const sf_resolved *res, long today,
		   sf_arena *a, sf_edcache *cache, sf_edition *out);

/* 1 when the edition has the anchor (without its '#'). */
int sf_edition_has_anchor(const sf_edition *e, const char *anchor);
/* The number of a source in the edition's list (from 1), or 0. */
size_t sf_edition_source_no(const sf_edition *e, const char *source);

/* The numbers (from 1) of the sources topic t cites, each once, in
 * ascending order; allocated from a. The handbooks print them under the
 * topic. */
size_t sf_edition_topic_sources(const sf_edition *e, const sf_ed_topic *t, sf_arena *a, size_t **out);

/* The edition's sources one group per work, in the order of first
 * citation: the work's text (len bytes of a source), the source that cites
 * it whole (whole: its index from 0, or -1), and the sources that cite a
 * section of it (members, indices from 0; the section is the text after
 * the work and ", "). The work of a source is a citation of the edition it
 * begins with, followed by ", "; else the longest ", "-ended prefix
 * another citation shares ("IOM (2024), Understanding …" of "IOM (2024),
 * Understanding …, Kazakhstan: …"); else the whole source. The handbooks
 * list the sources this way (docs/outputs.md). Allocated from a. */
typedef struct sf_source_group {
	const char *text;
	size_t len;
	long whole;
	size_t *members, nmembers;
} sf_source_group;
size_t sf_edition_source_groups(const sf_edition *e, sf_arena *a, sf_source_group **out);

/* Text with the edition's facts substituted (for bodies walked by a
 * renderer: text nodes are substituted as they are printed). */
void sf_edition_subst(const sf_edition *e, sf_buf *out, const char *text, size_t len);

/* Tailored: written for a corridor, country, sector or audience; an
 * audience of general counts as no key (docs/resolution.md). */
int sf_module_tailored(const sf_module *m);

/* The key of findings about this edition (stage: NULL, or "PDO"). */
sf_diag_key sf_edition_diag_key(const sf_edition *e, const char *stage);

/* "kg-ru ky all-sector women": an edition as people say it. */
const char *sf_edition_name(const sf_edition *e, sf_arena *a);

/* The edition as an indented tree (safar dump): the test surface of the
 * rules engine. */
void sf_edition_dump(const sf_edition *e, sf_buf *b);

#endif
