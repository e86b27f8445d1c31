/* render.h: the outputs of one resolved target, and the build that writes them all. */
#ifndef SAFAR_RENDER_H
#define SAFAR_RENDER_H

#include <stdatomic.h>

#include "safar/arena.h"
#include "safar/buf.h"
#include "safar/diag.h"
#include "safar/edition.h"
#include "safar/model.h"
#include "safar/resolve.h"

enum sf_format {
	SF_FMT_HTML = 1 << 0,      /* handbook.html */
	SF_FMT_CHECKLIST = 1 << 1, /* checklist.html */
	SF_FMT_XLSX = 1 << 2,      /* checklist.xlsx */
	SF_FMT_SMS = 1 << 3,       /* sms.csv */
	SF_FMT_SESSION = 1 << 4,   /* session-<STAGE>/ */
	SF_FMT_HELPCARD = 1 << 5,  /* helpcard.html */
	SF_FMT_ALL = (1 << 6) - 1, /* what a build writes unless --format says */
	/* handbook.pdf, checklist.pdf, helpcard.pdf (the session packs' PDFs
	 * are to come): only when asked for (docs/decisions.md, "PDF on
	 * request") */
	SF_FMT_PDF = 1 << 6
};

/* --paper; SF_PAPER_DEFAULT: each output's own (A5, the help card A6, a
 * booklet's sheet A4). */
enum sf_paper { SF_PAPER_DEFAULT, SF_PAPER_A4, SF_PAPER_A5, SF_PAPER_A6, SF_PAPER_LETTER };

typedef struct sf_build_opts {
	const char *outdir; /* default "out" */
	unsigned formats;   /* enum sf_format bits */
	int jobs;           /* threads; >= 1 */
	int paper_a4;       /* paper is A4 (the HTML and XLSX outputs read this) */
	int paper;          /* enum sf_paper */
	int booklet;        /* handbook.pdf imposed two-up for a folded booklet */
	int start_minutes;  /* session start, minutes after midnight */
	long date;          /* days since 1970: the content date printed */
	int progress;       /* a progress line on stderr */
} sf_build_opts;

/* The files a build writes, and the first write that failed. A full disk or
 * a read-only folder fails every write after the first: the build stops
 * taking editions and reports that one cause once (docs/decisions.md,
 * "Write errors"). Shared by every thread of a build. */
struct manifest;
typedef struct sf_writes {
	sf_sink *sink;
	_Atomic(size_t) written;   /* files whose bytes changed */
	_Atomic(size_t) unchanged; /* files left alone: same bytes */
	_Atomic(int) failed;
	struct manifest *mf;       /* what the build owns (render/manifest.h), or NULL */
} sf_writes;

/* path is an output of the build: written (changed) or left as it was. */
void sf_writes_done(sf_writes *w, const char *path, int changed);
/* Reports "cannot <what>: <strerror(err)>" at path, unless an earlier
 * write of the build already failed; marks the build failed. */
void sf_writes_fail(sf_writes *w, const char *path, const char *what, int err);

/* Everything a renderer sees for one target. It never sees libyaml, and
 * never reads a file: the model and the resolution are all there is. */
typedef struct sf_output {
	const sf_root *root;
	const sf_edition *ed;   /* what to print: decided, never decided again */
	const sf_resolved *res; /* ed->res */
	const char *const *str; /* interface strings, SF_NSTRINGS, for res's chain */
	const sf_build_opts *opts;
	const char *dir; /* where this target's files go; exists */
	sf_arena *a;     /* scratch for this target */
	sf_sink *sink;
	sf_writes *w; /* the whole build's writes */
} sf_output;

/* Each output: new (per-thread state), render (one target), free. render
 * returns 0, or -1 after reporting an I/O error to the sink. */
typedef struct sf_renderer {
	const char *name;
	unsigned format;
	void *(*new)(void);
	int (*render)(void *state, const sf_output *o);
	void (*free)(void *state);
} sf_renderer;

extern const sf_renderer sf_render_handbook, sf_render_checklist, sf_render_xlsx,
	sf_render_sms, sf_render_session, sf_render_helpcard, sf_render_pdf;

/* Builds every target that passes filter into opts->outdir, then
 * index.html and .safar-manifest, removing the outputs of earlier builds that
 * no edition produces any more. Returns the number of files whose bytes
 * changed (*unchanged, when not NULL: how many were left as they were); I/O
 * problems go to sink. */
size_t sf_build(const sf_root *root, const sf_filter *filter, const sf_build_opts *opts,
		sf_sink *sink, size_t *unchanged);

/* out/<corridor>/<lang>/<sector|all>/<audience> */
const char *sf_target_dir(sf_arena *a, const char *outdir, const sf_target *t);
/* out/index.html: every edition of the root, by corridor, language and
 * edition, with a link to each of its files the output folder has (mf). */
struct manifest;
void sf_build_index(const sf_root *root, const sf_target *t, size_t n, const sf_build_opts *opts,
		    struct manifest *mf, sf_writes *w);

/* The SMS rows of one edition as CSV (header included when header is set). */
void sf_sms_csv(sf_buf *b, const sf_edition *e, int header);

/* Writes b to o->dir/name atomically; reports failure through o->w. 0 or -1. */
int sf_output_write(const sf_output *o, const char *name, const sf_buf *b);

#endif
