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

/* 1 when code is an assigned ISO 3166-1 alpha-2 code. */
int sf_country_valid(const char *code);

#endif
