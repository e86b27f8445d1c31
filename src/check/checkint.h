/* checkint.h: what the checks share (check/ only). */
#ifndef SAFAR_CHECK_INT_H
#define SAFAR_CHECK_INT_H

#include "safar/check.h"
#include "safar/edition.h"
#include "safar/resolve.h"
#include "safar/strmap.h"

typedef struct ck_ctx {
	const sf_root *root;
	sf_sink *sink;
	const sf_check_opts *opts;
	sf_arena *a;
	unsigned char *sms_reported; /* per module: its SMS limit was reported */
	/* Per module: the corridor and language its sms was last measured for;
	 * an sms with no facts is the same text everywhere and is measured once. */
	const sf_corridor **sms_corridor;
	const char **sms_lang;
	sf_strmap *reported;         /* keys of findings already reported */
	struct ck_policy *policy;    /* required facts and contacts found missing */
	struct ck_parity *parity;    /* the current corridor's topics, by language */
} ck_ctx;

/* Per edition. */
void ck_completeness(ck_ctx *c, const sf_edition *e);
void ck_sms(ck_ctx *c, const sf_edition *e);
void ck_links(ck_ctx *c, const sf_edition *e);
/* require_facts, require_contacts: gaps are gathered per corridor and rule
 * entry, and reported by ck_policy_report. */
void ck_policy(ck_ctx *c, const sf_edition *e);
/* Language parity: editions are recorded corridor by corridor; flush
 * gathers the corridor's findings when the next corridor starts; report
 * emits them after the last, one per module and language. */
void ck_parity_add(ck_ctx *c, const sf_edition *e);
void ck_parity_flush(ck_ctx *c);
void ck_parity_report(ck_ctx *c);
void ck_parity_free(ck_ctx *c);
/* Per corridor language, over all its editions: the topics that fell back. */
void ck_fallback(ck_ctx *c, const sf_corridor *co, size_t lang, const sf_edition *e, size_t n);
/* Once per root. */
void ck_freshness(ck_ctx *c);
void ck_contacts(ck_ctx *c);
void ck_strings(ck_ctx *c);
void ck_dropped_links(ck_ctx *c);
void ck_policy_report(ck_ctx *c);
/* Facts and contacts whose checked date is past review.fact_days. */
void ck_fact_freshness(ck_ctx *c);
void ck_translations(ck_ctx *c);
/* General modules that name a corridor's origin or destination country. */
void ck_leaks(ck_ctx *c);

/* "kg-ru ky all-sector women" */
const char *ck_edition_name(ck_ctx *c, const sf_edition *e);

#endif
