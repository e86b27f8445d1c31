/* manifest.h: the list of files a build owns in its output folder (render/ only). */
#ifndef SAFAR_RENDER_MANIFEST_H
#define SAFAR_RENDER_MANIFEST_H

#include <pthread.h>

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

#endif
