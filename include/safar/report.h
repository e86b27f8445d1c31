/* report.h: the diagnostics of a run, printed for a person or a CI system. */
#ifndef SAFAR_REPORT_H
#define SAFAR_REPORT_H

#include <stdio.h>

#include "safar/diag.h"
#include "safar/model.h"

enum sf_report_format { SF_REPORT_TEXT, SF_REPORT_JSON, SF_REPORT_GITHUB, SF_REPORT_JUNIT };
extern const char *const sf_report_format_names[4];

typedef struct sf_report_opts {
	enum sf_report_format format;
	int verbose; /* text: quote source lines */
	int color;   /* text: ANSI colours */
	int quiet;   /* text: errors only, no summary */
	int summary; /* text: the "N errors, M warnings" line */
} sf_report_opts;

/* Prints the sink's diagnostics, sorted. root (may be NULL) gives JUnit its
 * testsuites: one per corridor, a testcase per target and stage. */
void sf_report(sf_sink *sink, const sf_root *root, FILE *out, const sf_report_opts *o);

#endif
