/* manifest.h: the list of files a build owns in its output folder (render/ only). */
#ifndef SAFAR_RENDER_MANIFEST_H
#define SAFAR_RENDER_MANIFEST_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "safar/render.h"
#include "safar/strmap.h"

/* out/.safar-manifest (docs/outputs.md): one path a line, relative to -o,
 * sorted. A build reads the last one, records what it produces (written or
 * found unchanged), then removes the old files that it did not produce and
 * that keep() says are no longer wanted, and writes the new list. */
typedef struct manifest {
	sf_arena *a;
	const char *outdir;
	sf_strmap *old, *now;
	sf_strmap *draft_old, *draft_now; /* edition folders with draft text */
	sf_strmap *built;                 /* edition folders this build made */
	const char **oldv, **nowv, **draftv;
	size_t nold, nnow, capnow, ndraft, capdraft;
	pthread_mutex_t lock; /* mf_produced is called from the build's threads */
} manifest;

void mf_open(manifest *m, const char *outdir);
/* path (outdir/…) is an output of this build. */
void mf_produced(manifest *m, const char *path);
/* The n paths rel[] (relative to outdir) are outputs of this build. */
void mf_produced_rel(manifest *m, const char *const *rel, size_t n);
/* The edition in folder dir (relative) was built: is it a draft? */
void mf_edition(manifest *m, const char *dir, int draft);
/* Whether the edition in dir has draft text, as this build or the last one
 * that built it found (the index marks it); the manifest keeps the answer
 * for the next build. */
int mf_is_draft(manifest *m, const char *dir);
/* rel is an output of this build. */
int mf_has(const manifest *m, const char *rel);
/* Removes the old outputs not produced now for which keep(ctx, rel) is 0,
 * and the folders that leaves empty; the others stay outputs (mf_has).
 * Returns how many files it removed. */
size_t mf_settle(manifest *m, int (*keep)(void *ctx, const char *rel), void *ctx);
/* Writes the manifest (when it changed) and frees m. */
void mf_close(manifest *m, sf_writes *w);
/* The old outputs under the folder rel (no trailing '/'), sorted: how many,
 * the first in *first. */
size_t mf_old_under(const manifest *m, const char *rel, const char *const **first);

/* out/.safar-editions (docs/outputs.md, "Rebuilds"): per edition folder,
 * the hash of everything its files were made from, as the last build that
 * finished recorded it. A build skips an edition whose inputs hash the
 * same and whose files are all there. */
typedef struct mf_editions {
	sf_arena *a;
	const char *path;
	sf_strmap *old; /* folder -> "hash" (16 hex digits) */
	const char **oldv;
	size_t nold;
	_Atomic(int) dropped; /* the file was removed: an edition is being made */
	struct timespec mtime; /* the record's: a file changed since is not skipped */
	int found;             /* the record was there and read */
} mf_editions;

void mf_editions_open(mf_editions *e, const char *outdir);
/* 1 when folder rel was recorded with hash h. */
int mf_editions_newer(const mf_editions *e, const struct timespec *t);
int mf_editions_same(const mf_editions *e, const char *rel, uint64_t h);
/* Removes the file (once) before the first edition is rendered: a build
 * killed halfway leaves no record claiming its half-written editions. */
void mf_editions_drop(mf_editions *e);
/* Writes the record: the folders of this build with their hashes, and the
 * old entries for which keep(ctx, rel) is 1; frees e. */
void mf_editions_close(mf_editions *e, const char *const *rel, const uint64_t *h, size_t n,
		       int (*keep)(void *ctx, const char *rel), void *ctx, sf_writes *w);

#endif
