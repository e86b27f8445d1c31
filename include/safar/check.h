/* check.h: what `safar check` proves about a loaded content root. */
#ifndef SAFAR_CHECK_H
#define SAFAR_CHECK_H

#include "safar/diag.h"
#include "safar/model.h"

/* Cross-references inside the model: declared languages, sectors and
 * audiences, country codes, corridor ids against file names, `when` values. */
void sf_check_schema(const sf_root *root, sf_sink *sink);

/* Resolves every target of the root, reporting what resolution finds:
 * ambiguity, missing bases, unknown facts, rules naming unknown topics. */
void sf_check_resolve(const sf_root *root, sf_sink *sink);

typedef struct sf_check_opts {
	long today; /* days since 1970-01-01: what "past its review date" is measured from */
} sf_check_opts;

/* Everything `safar check` proves beyond the schema, in one pass over every
 * target: resolution, completeness of each target's policy, fallback
 * languages, SMS limits; and per module, corridor and language: freshness,
 * drafts, contacts, interface strings. */
void sf_check_content(const sf_root *root, sf_sink *sink, const sf_check_opts *opts);

/* 1 when phone is E.164 ('+', then 7 to 15 digits, the first not 0) or a
 * national short code (2 to 6 digits, no '+'). */
int sf_phone_valid(const char *phone);

/* 1 when code is an assigned ISO 3166-1 alpha-2 code. */
int sf_country_valid(const char *code);

#endif
