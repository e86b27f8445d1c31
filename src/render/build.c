/* build.c: `safar build`: every target resolved and rendered, in parallel, then the index. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "xlsx.h"
#include "safar/fsio.h"
#include "safar/xalloc.h"
#include "safar/nelem.h"

static const sf_renderer *const renderers[] = { &sf_render_handbook, &sf_render_checklist,
						&sf_render_xlsx, &sf_render_sms,
						&sf_render_session };
#define NRENDERERS SF_NELEM(renderers)

typedef struct job {
	const sf_root *root;
	const sf_build_opts *opts;
	sf_sink *sink;
	sf_resolver *resolver;
	const sf_target *targets;
	size_t ntargets;
	unsigned *stages_built; /* per target: the stages it has topics in */
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
	j->stages_built[i] = ed.stages;
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

size_t sf_build(const sf_root *root, const sf_filter *filter, const sf_build_opts *opts,
		sf_sink *sink)
{
	/* What a killed build left behind would be published with the rest. */
	sf_remove_leftovers(opts->outdir);
	sf_arena *a = sf_arena_new();
	sf_target *t;
	size_t n = sf_targets(root, filter, a, &t);
	job j = { .root = root, .opts = opts, .sink = sink, .targets = t, .ntargets = n,
		  .w = { .sink = sink } };
	atomic_init(&j.next, 0);
	atomic_init(&j.done, 0);
	pthread_mutex_init(&j.progress, NULL);
	j.resolver = sf_resolver_new(root, sink);
	j.stages_built = sf_alloc_array(a, n + 1, sizeof *j.stages_built);

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

	if (!atomic_load(&j.w.failed))
		sf_build_index(root, t, j.stages_built, n, opts, &j.w);
	size_t written = atomic_load(&j.w.written);
	sf_resolver_free(j.resolver);
	pthread_mutex_destroy(&j.progress);
	sf_arena_free(a);
	return written;
}
