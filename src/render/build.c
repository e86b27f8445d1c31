/* build.c: `safar build`: every target resolved and rendered, in parallel, then the index. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "manifest.h"
#include "xlsx.h"
#include "safar/fsio.h"
#include "safar/xalloc.h"
#include "safar/nelem.h"

static const sf_renderer *const renderers[] = { &sf_render_handbook, &sf_render_checklist,
						&sf_render_xlsx, &sf_render_sms,
						&sf_render_session, &sf_render_helpcard, &sf_render_pdf };
#define NRENDERERS SF_NELEM(renderers)

typedef struct job {
	const sf_root *root;
	const sf_build_opts *opts;
	sf_sink *sink;
	sf_resolver *resolver;
	const sf_target *targets;
	size_t ntargets;
	_Atomic(size_t) next, done;
	sf_writes w;
	pthread_mutex_t progress;
	int tty; /* where the progress line goes */
} job;

const char *sf_target_dir(sf_arena *a, const char *outdir, const sf_target *t)
{
	return sf_printf(a, "%s/%s/%s/%s/%s", outdir, t->corridor->id, t->lang,
			 t->sector ? t->sector : "all", t->audience);
}

static void build_one(job *j, size_t i, void **states)
{
	const sf_target *t = &j->targets[i];
	sf_arena *a = sf_arena_new();
	sf_edition ed;
	sf_edition_make(j->resolver, t, j->opts->date, a, &ed);
	mf_edition(j->w.mf, sf_target_dir(a, ".", t) + 2, ed.has_draft);
	const char *dir = sf_target_dir(a, j->opts->outdir, t);
	if (sf_mkdirs(dir) != 0) {
		sf_writes_fail(&j->w, dir, "create folder", errno);
	} else {
		sf_output o = { .root = j->root, .ed = &ed, .res = ed.res, .str = ed.str,
				.opts = j->opts, .dir = dir, .a = a, .sink = j->sink, .w = &j->w };
		for (size_t r = 0; r < NRENDERERS; r++)
			if (j->opts->formats & renderers[r]->format)
				renderers[r]->render(states[r], &o);
	}
	sf_arena_free(a);
}

static void *worker(void *arg)
{
	job *j = arg;
	void *states[NRENDERERS] = { 0 };
	for (size_t r = 0; r < NRENDERERS; r++)
		if (j->opts->formats & renderers[r]->format)
			states[r] = renderers[r]->new();
	for (;;) {
		size_t i = atomic_fetch_add(&j->next, 1);
		/* After a failed write, the rest would fail the same way. */
		if (i >= j->ntargets || atomic_load(&j->w.failed))
			break;
		build_one(j, i, states);
		size_t done = atomic_fetch_add(&j->done, 1) + 1;
		if (j->opts->progress) {
			pthread_mutex_lock(&j->progress);
			dprintf(j->tty, "\rsafar: built %zu of %zu editions", done, j->ntargets);
			pthread_mutex_unlock(&j->progress);
		}
	}
	for (size_t r = 0; r < NRENDERERS; r++)
		if (states[r])
			renderers[r]->free(states[r]);
	return NULL;
}

/* The editions of a build, as the folder each writes ("kg-ru/ky/all/women"),
 * and what is in reach of this one: what an old file that was not written
 * again means (docs/outputs.md, "What a build removes"). */
typedef struct scope {
	sf_arena *a;
	const sf_build_opts *opts;
	unsigned stages;          /* the stages this build built */
	sf_strmap *all, *built;   /* edition folders of the root; of this build */
	sf_target *tall;          /* every edition of the root */
	size_t nall;
} scope;

static sf_strmap *edition_set(const sf_root *root, const sf_filter *f, sf_arena *a,
			      sf_target **tout, size_t *nout)
{
	sf_target *t;
	size_t n = sf_targets(root, f, a, &t);
	sf_strmap *m = sf_strmap_new(a, n);
	for (size_t i = 0; i < n; i++) {
		const char *dir = sf_target_dir(a, ".", &t[i]) + 2;
		sf_strmap_put(m, dir, strlen(dir), (void *)dir);
	}
	if (tout)
		*tout = t, *nout = n;
	return m;
}

/* The format (and stage) of a file of an edition, from its name. */
static unsigned format_of(const char *rest, int *stage)
{
	static const struct {
		const char *name;
		unsigned format;
	} files[] = { { "handbook.html", SF_FMT_HTML }, { "checklist.html", SF_FMT_CHECKLIST },
		      { "checklist.xlsx", SF_FMT_XLSX }, { "sms.csv", SF_FMT_SMS },
		      { "helpcard.html", SF_FMT_HELPCARD }, { "handbook.pdf", SF_FMT_PDF },
		      { "checklist.pdf", SF_FMT_PDF }, { "helpcard.pdf", SF_FMT_PDF } };
	*stage = -1;
	for (size_t i = 0; i < SF_NELEM(files); i++)
		if (strcmp(rest, files[i].name) == 0)
			return files[i].format;
	for (int s = 0; s < SF_NSTAGE; s++) {
		size_t n = strlen(sf_stage_names[s]);
		if (strncmp(rest, "session-", 8) == 0 && strncmp(rest + 8, sf_stage_names[s], n) == 0 &&
		    rest[8 + n] == '/') {
			*stage = s;
			size_t len = strlen(rest);
			return len > 4 && strcmp(rest + len - 4, ".pdf") == 0 ? SF_FMT_PDF : SF_FMT_SESSION;
		}
	}
	return 0;
}

/* An old output this build did not write: removed when its edition is gone
 * from the content (a dropped sector, language, audience or corridor), or
 * when this build built its edition, format and stage and it was not among
 * the results (a stage with no topics any more); kept otherwise (a build
 * narrowed by --corridor, --format … leaves the rest as it was). */
static int keep_old(void *ctx, const char *rel)
{
	const scope *sc = ctx;
	const char *p = rel;
	for (int k = 0; k < 4 && p; k++) {
		p = strchr(p, '/');
		p = p ? p + 1 : NULL;
	}
	if (!p)
		return 1; /* not an edition's file: index.html is always written */
	size_t dlen = (size_t)(p - rel - 1);
	if (!sf_strmap_get(sc->all, rel, dlen))
		return 0;
	if (!sf_strmap_get(sc->built, rel, dlen))
		return 1;
	int stage;
	unsigned fmt = format_of(p, &stage);
	if (!fmt || !(sc->opts->formats & fmt))
		return 1;
	return stage >= 0 && !(sc->stages & (1u << stage));
}

static int keep_all(void *ctx, const char *rel)
{
	(void)ctx, (void)rel;
	return 1;
}

size_t sf_build(const sf_root *root, const sf_filter *filter, const sf_build_opts *opts,
		sf_sink *sink, size_t *unchanged)
{
	/* What a killed build left behind would be published with the rest. */
	sf_remove_leftovers(opts->outdir);
	sf_arena *a = sf_arena_new();
	sf_target *t;
	size_t n = sf_targets(root, filter, a, &t);
	manifest mf;
	mf_open(&mf, opts->outdir);
	job j = { .root = root, .opts = opts, .sink = sink, .targets = t, .ntargets = n,
		  .w = { .sink = sink, .mf = &mf } };
	atomic_init(&j.next, 0);
	atomic_init(&j.done, 0);
	pthread_mutex_init(&j.progress, NULL);
	j.resolver = sf_resolver_new(root, sink);

	size_t nthreads = opts->jobs > 1 ? (size_t)opts->jobs : 1;
	if (nthreads > n)
		nthreads = n ? n : 1;
	size_t extra = nthreads - 1, started = 0;
	x_capture cap;
	int xlsx = (opts->formats & (SF_FMT_XLSX | SF_FMT_SESSION)) != 0;
	if (xlsx)
		x_capture_begin(&cap);
	j.tty = xlsx ? x_capture_fd(&cap) : 2;
	pthread_t *th = extra ? sf_xcalloc(extra, sizeof *th) : NULL;
	for (size_t i = 0; th && i < extra; i++)
		if (pthread_create(&th[started], NULL, worker, &j) == 0)
			started++;
	worker(&j); /* this thread works too */
	for (size_t i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
	if (opts->progress && n)
		dprintf(j.tty, "\n");
	if (xlsx)
		x_capture_end(&cap, &j.w, opts->outdir);

	if (!atomic_load(&j.w.failed)) {
		scope sc = { .a = a, .opts = opts, .stages = n ? t[0].stages : 0 };
		sc.all = edition_set(root, NULL, a, &sc.tall, &sc.nall);
		sc.built = edition_set(root, filter, a, NULL, NULL);
		mf_settle(&mf, keep_old, &sc);
		sf_build_index(root, sc.tall, sc.nall, opts, &mf, &j.w);
	} else {
		mf_settle(&mf, keep_all, NULL); /* a failed build removes nothing */
	}
	mf_close(&mf, &j.w);
	size_t written = atomic_load(&j.w.written);
	if (unchanged)
		*unchanged = atomic_load(&j.w.unchanged);
	sf_resolver_free(j.resolver);
	pthread_mutex_destroy(&j.progress);
	sf_arena_free(a);
	return written;
}
