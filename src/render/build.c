/* build.c: `safar build`: every target resolved and rendered, in parallel, then the index. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cmark.h>

#include "html.h"
#include "manifest.h"
#include "memo.h"
#include "xlsx.h"
#include "safar/fsio.h"
#include "safar/hash.h"
#include "safar/load.h"
#include <sys/stat.h>
#include <unistd.h>
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
	/* Work is handed out a corridor language at a time: its editions
	 * print most paragraphs alike, and a thread's renderers keep what
	 * they laid out (the PDF engine's shaped text, the workbooks), so
	 * one thread makes the whole group from what it already has
	 * (docs/performance.md, "PDF"). The groups are in language order
	 * and claimed from both ends, half the threads from each: a thread
	 * goes on in the language it is in (the general modules print alike
	 * in every corridor), and the threads meet in the middle. */
	struct group {
		size_t start, end; /* its targets */
		const char *lang;
	} *group;
	size_t ngroups, lo, hi; /* groups [lo, hi) not claimed yet */
	pthread_mutex_t claim;
	_Atomic(unsigned) nworkers;
	_Atomic(size_t) done;
	sf_writes w;
	/* Rebuilds (docs/outputs.md): what the inputs of every edition hash to. */
	mf_editions *eds;
	sf_strmap *src;     /* path of a module or corridor file -> its hash */
	uint64_t global;    /* safar, the options and the root's other files */
	const char **rel;   /* per target: its folder once made or skipped; NULL else */
	uint64_t *hash;
	pthread_mutex_t progress;
	int tty; /* where the progress line goes */
	/* Module trees, for a root loaded without them (sf_load_opts.no_trees):
	 * parsed when the first edition that prints a module's body is made,
	 * so a rebuild that skips every edition parses none; freed at the end. */
	pthread_mutex_t trees;
	sf_module **made;
	size_t nmade, capmade;
} job;

const char *sf_target_dir(sf_arena *a, const char *outdir, const sf_target *t)
{
	return sf_printf(a, "%s/%s/%s/%s/%s", outdir, t->corridor->id, t->lang,
			 t->sector ? t->sector : "all", t->audience);
}

static uint64_t src_hash(const job *j, const char *path, int *ok)
{
	const uint64_t *h = path ? sf_strmap_get(j->src, path, strlen(path)) : NULL;
	if (!h)
		*ok = 0;
	return h ? *h : 0;
}

/* Everything an edition's files are made from: safar and the options, the
 * root's own files, the corridor's file, the edition's key and stages, its
 * language chain, facts and interface strings, and each topic's
 * composition with the bytes of each module file. Read from the target's
 * resolution, before any edition is made of it (sf_edition_of makes its
 * topics and parts one for one from these; its texts after facts, SMS,
 * sources, anchors and link verdicts follow from the modules' bytes, the
 * facts and the date, all hashed here). 0 in *ok when a file's bytes are
 * unknown. */
static uint64_t edition_hash(const job *j, const sf_target *t, const sf_resolved *res, int *ok)
{
	uint64_t h = j->global;
	*ok = 1;
	h = sf_hash_u64(h, src_hash(j, t->corridor->path, ok));
	h = sf_hash_str(h, t->corridor->id);
	h = sf_hash_str(h, t->lang);
	h = sf_hash_str(h, t->sector);
	h = sf_hash_str(h, t->audience);
	h = sf_hash_u64(h, t->stages);
	h = sf_hash_u64(h, res->nchain);
	for (size_t i = 0; i < res->nchain; i++)
		h = sf_hash_str(h, res->chain[i]);
	for (size_t i = 0; i < res->nfacts; i++) {
		const sf_fact_ref *f = &res->facts[i];
		h = sf_hash_str(h, f->fact->name);
		h = sf_hash_str(h, f->value);
		h = sf_hash_str(h, f->lang);
	}
	const char *str[SF_NSTRINGS], *str_lang[SF_NSTRINGS];
	sf_i18n_resolve(j->root, res->chain, res->nchain, str, str_lang);
	for (size_t i = 0; i < SF_NSTRINGS; i++) {
		h = sf_hash_str(h, str[i]);
		h = sf_hash_str(h, str_lang[i]);
	}
	h = sf_hash_u64(h, res->ntopics);
	for (size_t i = 0; i < res->ntopics; i++) {
		const sf_topic *tp = &res->topics[i];
		h = sf_hash_u64(h, (uint64_t)tp->stage);
		h = sf_hash_str(h, tp->id);
		h = sf_hash_str(h, tp->lang);
		h = sf_hash_u64(h, tp->nparts);
		for (size_t p = 0; p < tp->nparts; p++) {
			h = sf_hash_str(h, tp->parts[p]->path);
			h = sf_hash_u64(h, src_hash(j, tp->parts[p]->path, ok));
		}
	}
	return h;
}

/* A draft part makes the edition a draft (sf_edition.has_draft). */
static int has_draft(const sf_resolved *res)
{
	for (size_t i = 0; i < res->ntopics; i++)
		for (size_t p = 0; p < res->topics[i].nparts; p++)
			if (res->topics[i].parts[p]->status == SF_STATUS_DRAFT)
				return 1;
	return 0;
}

/* Skips an edition recorded with the same inputs whose files are all
 * there and none changed since the record was written (it is rewritten
 * after any build that made an edition): they are this build's outputs
 * again, unchanged. */
static int skip(job *j, const char *rel, uint64_t h, sf_arena *a)
{
	if (!mf_editions_same(j->eds, rel, h))
		return 0;
	const char *const *files;
	size_t n = mf_old_under(j->w.mf, rel, &files);
	if (!n)
		return 0;
	/* As the renderers name them (sf_target_dir): the edition's folder
	 * looked up once, each file from there (a path walk per file was
	 * most of a no-op rebuild's system time). */
	int dfd = open(sf_printf(a, "%s/%s", j->opts->outdir, rel), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return 0;
	size_t rl = strlen(rel);
	for (size_t k = 0; k < n; k++) {
		struct stat st;
		/* Changed since the record was written (by hand?): made again. */
		if (fstatat(dfd, files[k] + rl + 1, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode) || mf_editions_newer(j->eds, &st.st_mtim)) {
			close(dfd);
			return 0;
		}
	}
	close(dfd);
	mf_produced_rel(j->w.mf, files, n);
	atomic_fetch_add(&j->w.unchanged, n);
	return 1;
}

/* The trees of the edition's modules, for the renderers that walk them
 * (handbook.html, handbook.pdf). A tree is set under the lock and read by
 * a renderer only after its thread took the lock for it here. */
static void need_trees(job *j, const sf_resolved *res)
{
	if (!(j->opts->formats & (SF_FMT_HTML | SF_FMT_PDF)))
		return;
	for (size_t i = 0; i < res->ntopics; i++)
		for (size_t p = 0; p < res->topics[i].nparts; p++) {
			sf_module *m = (sf_module *)res->topics[i].parts[p];
			pthread_mutex_lock(&j->trees);
			int have = m->doc != NULL || !m->body;
			pthread_mutex_unlock(&j->trees);
			if (have)
				continue;
			struct cmark_node *doc = sf_body_tree(m);
			pthread_mutex_lock(&j->trees);
			if (!m->doc && doc) {
				if (j->nmade == j->capmade) {
					j->capmade = j->capmade ? 2 * j->capmade : 256;
					j->made = sf_xrealloc(j->made, j->capmade * sizeof *j->made);
				}
				m->doc = doc;
				j->made[j->nmade++] = m;
				doc = NULL;
			}
			pthread_mutex_unlock(&j->trees);
			if (doc)
				cmark_node_free(doc);
		}
}

static void build_one(job *j, size_t i, void **states)
{
	const sf_target *t = &j->targets[i];
	sf_arena *a = sf_arena_new();
	sf_resolved *res = sf_alloc(a, sizeof *res);
	sf_resolve(j->resolver, t, a, res);
	const char *dir = sf_target_dir(a, j->opts->outdir, t);
	const char *rel = dir + strlen(j->opts->outdir) + 1;
	mf_edition(j->w.mf, rel, has_draft(res));
	int known;
	uint64_t h = edition_hash(j, t, res, &known);
	if (known && skip(j, rel, h, a)) {
		j->rel[i] = sf_xstrdup(rel);
		j->hash[i] = h;
		sf_arena_free(a);
		return;
	}
	mf_editions_drop(j->eds);
	need_trees(j, res);
	sf_edition ed;
	sf_edition_of(j->resolver, t, res, j->opts->date, a, NULL, &ed);
	if (sf_mkdirs(dir) != 0) {
		sf_writes_fail(&j->w, dir, "create folder", errno);
	} else {
		sf_output o = { .root = j->root, .ed = &ed, .res = ed.res, .str = ed.str,
				.opts = j->opts, .dir = dir, .a = a, .sink = j->sink, .w = &j->w };
		for (size_t r = 0; r < NRENDERERS; r++)
			if (j->opts->formats & renderers[r]->format)
				renderers[r]->render(states[r], &o);
		if (known) {
			j->rel[i] = sf_xstrdup(rel);
			j->hash[i] = h;
		}
	}
	sf_arena_free(a);
}

/* The hashes of every file the root was loaded from, as loaded: a module's
 * or corridor's by path; the others (safar.yaml, rules, i18n) into global
 * with safar itself and the options. */
static void hash_sources(job *j, sf_arena *a)
{
	const sf_root *root = j->root;
	sf_strmap *own = sf_strmap_new(a, root->nmodules + root->ncorridors);
	for (size_t i = 0; i < root->nmodules; i++)
		sf_strmap_put(own, root->modules[i].path, strlen(root->modules[i].path), (void *)1);
	for (size_t i = 0; i < root->ncorridors; i++)
		if (root->corridors[i].path)
			sf_strmap_put(own, root->corridors[i].path, strlen(root->corridors[i].path),
				      (void *)1);
	size_t n = sf_sink_nsources(j->sink);
	j->src = sf_strmap_new(a, n);
	const sf_build_opts *o = j->opts;
	uint64_t g = sf_hash_str(0, "safar " SAFAR_VERSION);
	/* Safar itself: another build of the same version renders otherwise. */
	char *exe;
	size_t exelen;
	int err;
	/* (A magic link: opened with O_NOFOLLOW it fails with ELOOP, which
	 * left only build.c's compile time to tell two builds of safar apart.) */
	if (sf_read_file(a, "/proc/self/exe", (size_t)256 << 20, &exe, &exelen, &err) == SF_READ_OK)
		g = sf_hash(g, exe, exelen);
	else
		g = sf_hash_str(g, __DATE__ " " __TIME__);
	g = sf_hash_u64(g, o->formats);
	g = sf_hash_u64(g, (uint64_t)o->paper_a4);
	g = sf_hash_u64(g, (uint64_t)o->start_minutes);
	g = sf_hash_u64(g, (uint64_t)o->date);
	for (size_t i = 0; i < n; i++) {
		const char *path, *text;
		size_t len;
		sf_sink_source_at(j->sink, i, &path, &text, &len);
		uint64_t h = sf_hash(0, text, len);
		if (sf_strmap_get(own, path, strlen(path))) {
			uint64_t *v = sf_alloc(a, sizeof *v);
			*v = h;
			sf_strmap_put(j->src, sf_strdup(a, path), strlen(path), v);
		} else {
			g = sf_hash_str(g, path);
			g = sf_hash_u64(g, h);
		}
	}
	j->global = g;
}

static int cmp_group(const void *x, const void *y)
{
	const struct group *a = x, *b = y;
	int c = strcmp(a->lang, b->lang);
	return c ? c : (a->start > b->start) - (a->start < b->start);
}

static void *worker(void *arg)
{
	job *j = arg;
	void *states[NRENDERERS] = { 0 };
	for (size_t r = 0; r < NRENDERERS; r++)
		if (j->opts->formats & renderers[r]->format)
			states[r] = renderers[r]->new();
	int back = atomic_fetch_add(&j->nworkers, 1) % 2;
	for (;;) {
		pthread_mutex_lock(&j->claim);
		size_t k = j->lo < j->hi ? (back ? --j->hi : j->lo++) : SIZE_MAX;
		pthread_mutex_unlock(&j->claim);
		if (k == SIZE_MAX)
			break;
		for (size_t i = j->group[k].start; i < j->group[k].end; i++) {
			/* After a failed write, the rest would fail the same way. */
			if (atomic_load(&j->w.failed))
				break;
			build_one(j, i, states);
			size_t done = atomic_fetch_add(&j->done, 1) + 1;
			if (j->opts->progress) {
				pthread_mutex_lock(&j->progress);
				dprintf(j->tty, "\rsafar: built %zu of %zu editions", done, j->ntargets);
				pthread_mutex_unlock(&j->progress);
			}
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

/* An old record of an edition this build did not make stays while the
 * edition is in the content. */
static int keep_record(void *ctx, const char *rel)
{
	const scope *sc = ctx;
	return sf_strmap_get(sc->all, rel, strlen(rel)) != NULL;
}

static int keep_none(void *ctx, const char *rel)
{
	(void)ctx, (void)rel;
	return 0;
}

/* A build allocates and frees the same few megabytes per edition, on every
 * thread: glibc's defaults hand freed memory back to the system past 128 KiB
 * and serve blocks over 128 KiB (zlib's, libxlsxwriter's) with mmap, so each
 * edition faulted its memory in again (180,000 page faults and a tenth of
 * the build's time on the 2,000-module bench root; docs/performance.md).
 * The memory is kept instead; the process ends with the build. */
static void keep_memory(void)
{
#if defined(__GLIBC__)
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

size_t sf_build(const sf_root *root, const sf_filter *filter, const sf_build_opts *opts,
		sf_sink *sink, size_t *unchanged)
{
	keep_memory();
	mf_editions eds;
	mf_editions_open(&eds, opts->outdir);
	/* What a killed build left behind would be published with the rest.
	 * Only the outputs' own folder can hold it when the record of editions
	 * is there: a build removes the record before it writes into an
	 * edition's folder (mf_editions_drop) and writes it again last, so a
	 * build killed in between leaves none, and the next build looks in
	 * every folder. A no-op rebuild walked all 4,000 folders of the bench
	 * root for nothing (docs/performance.md). */
	sf_remove_leftovers(opts->outdir, !eds.found);
	sf_arena *a = sf_arena_new();
	sf_target *t;
	size_t n = sf_targets(root, filter, a, &t);
	manifest mf;
	mf_open(&mf, opts->outdir);
	job j = { .root = root, .opts = opts, .sink = sink, .targets = t, .ntargets = n,
		  .w = { .sink = sink, .mf = &mf }, .eds = &eds,
		  .rel = sf_xcalloc(n + 1, sizeof *j.rel), .hash = sf_xcalloc(n + 1, sizeof *j.hash) };
	hash_sources(&j, a);
	j.group = sf_alloc_array(a, n + 1, sizeof *j.group);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || t[i].corridor != t[i - 1].corridor || strcmp(t[i].lang, t[i - 1].lang) != 0)
			j.group[j.ngroups++] = (struct group){ i, i, t[i].lang };
		j.group[j.ngroups - 1].end = i + 1;
	}
	/* Stable: by language, then as the targets come. */
	qsort(j.group, j.ngroups, sizeof *j.group, cmp_group);
	j.hi = j.ngroups;
	pthread_mutex_init(&j.claim, NULL);
	atomic_init(&j.nworkers, 0);
	atomic_init(&j.done, 0);
	pthread_mutex_init(&j.progress, NULL);
	pthread_mutex_init(&j.trees, NULL);
	j.resolver = sf_resolver_new(root, sink);

	size_t nthreads = opts->jobs > 1 ? (size_t)opts->jobs : 1;
	if (nthreads > j.ngroups)
		nthreads = j.ngroups ? j.ngroups : 1;
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
	if (!atomic_load(&j.w.failed)) {
		scope sc = { .a = a, .opts = opts, .all = edition_set(root, NULL, a, NULL, NULL) };
		mf_editions_close(&eds, (const char *const *)j.rel, j.hash, n, keep_record, &sc, &j.w);
	} else {
		mf_editions_drop(&eds);
		mf_editions_close(&eds, NULL, NULL, 0, keep_none, NULL, &j.w);
	}
	for (size_t i = 0; i < n; i++)
		free((char *)j.rel[i]);
	free(j.rel);
	free(j.hash);
	mf_close(&mf, &j.w);
	size_t written = atomic_load(&j.w.written);
	if (unchanged)
		*unchanged = atomic_load(&j.w.unchanged);
	sf_resolver_free(j.resolver);
	sf_render_memos_clear();
	pthread_mutex_destroy(&j.progress);
	pthread_mutex_destroy(&j.claim);
	for (size_t i = 0; i < j.nmade; i++) {
		cmark_node_free(j.made[i]->doc);
		j.made[i]->doc = NULL;
	}
	free(j.made);
	pthread_mutex_destroy(&j.trees);
	sf_arena_free(a);
	return written;
}
