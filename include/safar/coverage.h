/* coverage.h: the matrix corridor x stage x topic x language x audience, and its outputs. */
#ifndef SAFAR_COVERAGE_H
#define SAFAR_COVERAGE_H

#include <stdio.h>

#include "safar/arena.h"
#include "safar/buf.h"
#include "safar/diag.h"
#include "safar/model.h"

/* Best first: a cell's state is the worst thing true of its topic there
 * (docs/coverage.md). */
enum sf_cell {
	SF_CELL_TAILORED, /* own language, reviewed, current, written for this corridor, country, sector or audience */
	SF_CELL_GENERIC,  /* own language, reviewed, current, but the general text every corridor gets */
	SF_CELL_FALLBACK, /* resolves only through a fallback language */
	SF_CELL_DRAFT,    /* a module of it is a draft */
	SF_CELL_STALE,    /* a review_by passed */
	SF_CELL_MISSING,  /* required, and does not resolve */
	SF_CELL_ABSENT,   /* not required, and not written for this column: no state */
	SF_NCELL
};
extern const char *const sf_cell_names[SF_NCELL]; /* "tailored", "generic", …, "absent" */

typedef struct sf_cov_row {
	int stage;
	const char *id;
	const char *title; /* as the corridor's first language that has it reads it; NULL: none */
	int required;
	int *cells; /* ncols */
} sf_cov_row;

typedef struct sf_cov_corridor {
	const sf_corridor *corridor;
	const char **col_lang, **col_audience; /* ncols */
	size_t ncols;
	sf_cov_row *rows; /* stage, then required first, then id */
	size_t nrows;
	size_t totals[SF_NCELL];
	size_t cells;    /* cells with a state (not absent) */
	size_t reviewed; /* cells present whose every module is reviewed */
	long next_review; /* the earliest review_by of its modules; 0: none */
	const char *next_review_text;
} sf_cov_corridor;

typedef struct sf_coverage {
	sf_cov_corridor *corridors;
	size_t ncorridors;
	size_t totals[SF_NCELL];
	long today;
} sf_coverage;

/* Whole percent of part in whole (0 when whole is 0), rounded down so 99.6%
 * never shows as 100. */
unsigned sf_cov_percent(size_t part, size_t whole);

/* Each cell is the topic in the all-sector edition of that language and
 * audience, or, for a topic written only for a sector, in the first sector
 * edition that has it. today: days since 1970, for staleness. */
void sf_coverage_compute(const sf_root *root, sf_sink *sink, long today, sf_arena *a,
			 sf_coverage *out);

enum sf_cov_format { SF_COV_TEXT, SF_COV_MD, SF_COV_HTML, SF_COV_JSON, SF_COV_XLSX };
extern const char *const sf_cov_format_names[5];

/* Text, Markdown, HTML or JSON into b. */
void sf_coverage_format(sf_buf *b, const sf_coverage *c, int format);
/* The workbook, written atomically to path; 0, or -1 after reporting. */
int sf_coverage_xlsx(const sf_coverage *c, const char *path, long date, sf_sink *sink);

#endif
